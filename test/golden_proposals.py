"""The proposals of a fixed-seed aging-evolution search, as plain data: the golden record that
shows the faithful default is untouched by the search-cost options (issue 21).

``python test/golden_proposals.py`` rewrites ``test/data/golden_proposals.json``; it was run on the
code before those options existed (commit affd068), and ``test_search_cost.py`` compares the
current code's proposals against it. Scores are deterministic functions of the architecture (the
fake scores for the fake space; the exact resource figures and a hash-derived error for the CNN
space), and two candidates are kept in flight, so random, child and pruned proposals all count.
"""
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

GOLDEN = os.path.join(ROOT, "test", "data", "golden_proposals.json")
CNN_BOUNDS = {"error_bound": 0.1, "peak_mem_bound": 1000, "model_size_bound": 20000,
              "mac_bound": 200000}
FAKE_BOUNDS = {"error_bound": 0.1, "peak_mem_bound": 2000, "model_size_bound": 5000,
               "mac_bound": 100_000}


def cnn_scores(space, point):
    from resource_models.models import macs, model_size, peak_memory_usage
    graph = space.to_resource_graph(point.arch)
    digest = hashlib.sha256(json.dumps(point.arch.to_dict(), sort_keys=True).encode()).digest()
    error = 0.02 + digest[0] / 255 * 0.3
    return {"val_error": error, "test_error": error,
            "resource_features": {"peak_memory_usage": peak_memory_usage(graph),
                                  "model_size": model_size(graph), "macs": macs(graph)}}


def cases():
    """name -> (oracle factory, scorer), each oracle built with the options at their defaults."""
    from cnn import CnnSearchSpace
    from config import PruningConfig
    from search_algorithms.evolution import AgingEvolution
    from search_algorithms.testing import FakeSearchSpace, fake_scores

    def cnn(**kw):
        space = CnnSearchSpace(input_shape=(8, 8, 1), num_classes=10)
        return (lambda: AgingEvolution(space, bounds=CNN_BOUNDS, rounds=40, population_size=10,
                                       sample_size=3, initial_population_size=8, seed=7, **kw),
                lambda p: cnn_scores(space, p))

    fake_space = FakeSearchSpace()
    return {
        "fake": (lambda: AgingEvolution(fake_space, bounds=FAKE_BOUNDS, rounds=60,
                                        population_size=10, sample_size=3, seed=3),
                 lambda p: fake_scores(p.arch, p.sparsity)),
        "cnn": cnn(),
        "cnn_pruned": cnn(pruning=PruningConfig(structured=True, min_sparsity=0.1,
                                                max_sparsity=0.8)),
    }


def proposals(make_oracle, score, in_flight=2):
    """Every proposal of a search that keeps ``in_flight`` candidates training and records the
    oldest result first: id, parent, sparsity and architecture of each."""
    oracle = make_oracle()
    running, out = [], []
    while not oracle.is_finished():
        while len(running) < in_flight:
            p = oracle.suggest()
            if p is None:
                break
            out.append({"id": p.id, "parent_id": p.parent_id, "sparsity": p.sparsity,
                        "arch": p.arch.to_dict()})
            running.append(p)
        p = running.pop(0)
        oracle.on_result(p.completed(**score(p)))
    return out


def main():
    data = {name: proposals(*case) for name, case in cases().items()}
    with open(GOLDEN, "w") as f:
        json.dump(data, f, indent=0, sort_keys=True)
        f.write("\n")
    print({k: len(v) for k, v in data.items()})


if __name__ == "__main__":
    main()
