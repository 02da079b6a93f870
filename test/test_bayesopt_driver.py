"""Bayesian optimisation through the driver: bad input is one line and exit 2 with the state file
untouched; a killed BO search resumes without losing a completed point."""
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import driver
from cnn import CnnSearchSpace
from config import AgingEvoConfig, BayesOptConfig, BoundConfig, TrainingConfig
from dataset import Digits
from search_algorithms.aging_evolution import AgingEvoSearch
from search_algorithms.bayesopt import BayesOpt
from search_algorithms.state import merged_points, read_state

ROOT = Path(__file__).resolve().parents[1]
BOUNDS = dict(error_bound=0.12, peak_mem_bound=1_000, model_size_bound=20_000, mac_bound=200_000)

CONFIG = """
from cnn import CnnSearchSpace
from mlp import MlpSearchSpace
from config import AgingEvoConfig, BayesOptConfig, BoundConfig, TrainingConfig
from dataset import Digits
{algorithm}
training_config = TrainingConfig(dataset=Digits(), optimizer=lambda: None, epochs=1)
search_config = {search_config}
bound_config = BoundConfig({bounds})
"""


def config_file(tmp_path, search_config, algorithm="", bounds="error_bound=0.1", name="c.py"):
    path = tmp_path / name
    path.write_text(CONFIG.format(search_config=search_config, algorithm=algorithm,
                                  bounds=bounds))
    return path


class ResourceScoredEvaluator:
    """No training: the error falls with the model size (the resources are real)."""

    def __init__(self, space=None):
        self.space = space

    def evaluate(self, point):
        from dragonfly_adapters.network import CandidateNetwork
        space = self.space or _space()
        r = CandidateNetwork(point.arch, space).resources_at(point.sparsity)
        err = 0.03 + 0.3 / (1.0 + r["model_size"] / 1000.0)
        return point.completed(val_error=err, test_error=err, resource_features=r)


def _space():
    s = CnnSearchSpace()
    s.input_shape, s.num_classes = (8, 8, 1), 10
    return s


def make_state(tmp_path, algorithm):
    training = TrainingConfig(dataset=Digits(), optimizer=lambda: None, epochs=1)
    if algorithm == "bo":
        cfg = BayesOptConfig(search_space=_space(), starting_points=3, rounds=3,
                             checkpoint_dir=str(tmp_path))
        search = BayesOpt("s", cfg, training, BoundConfig(**BOUNDS), use_ray=False,
                          evaluator_factory=ResourceScoredEvaluator)
    else:
        cfg = AgingEvoConfig(search_space=_space(), population_size=3, sample_size=2, rounds=3,
                             checkpoint_dir=str(tmp_path))
        search = AgingEvoSearch("s", cfg, training, BoundConfig(**BOUNDS), use_ray=False,
                                evaluator_factory=ResourceScoredEvaluator)
    search.search()
    return search.state_path


def run_driver(capsys, *argv):
    rc = driver.main([str(a) for a in argv])
    err = capsys.readouterr().err.strip().splitlines()
    return rc, [line for line in err if line.startswith("error")]


@pytest.mark.parametrize("state_kind, config_kind, problem", [
    ("bo", "aging", "it is a 'bayesian_optimisation' search, expected 'aging_evolution'"),
    ("aging", "bo", "it is a 'aging_evolution' search, expected 'bayesian_optimisation'"),
    ("bo", "bo-mlp", "the state is from the 'cnn' search space, the config uses 'mlp'"),
])
def test_a_state_of_another_kind_is_one_line_and_exit_2(tmp_path, capsys, state_kind,
                                                        config_kind, problem):
    state = make_state(tmp_path / "state", state_kind)
    before = state.read_bytes()
    search_config = {
        "aging": "AgingEvoConfig(search_space=CnnSearchSpace(), rounds=5, checkpoint_dir=%r)",
        "bo": "BayesOptConfig(search_space=CnnSearchSpace(), rounds=5, checkpoint_dir=%r)",
        "bo-mlp": "BayesOptConfig(search_space=MlpSearchSpace(), rounds=5, checkpoint_dir=%r)",
    }[config_kind] % str(tmp_path / "out")
    algorithm = ("from search_algorithms import AgingEvoSearch\nsearch_algorithm = AgingEvoSearch"
                 if config_kind == "aging" else "")
    cfg = config_file(tmp_path, search_config, algorithm)
    rc, errors = run_driver(capsys, cfg, "--load-from", state)
    assert rc == 2
    assert len(errors) == 1 and problem in errors[0] and str(state) in errors[0]
    assert state.read_bytes() == before
    assert not (tmp_path / "out").exists()


def test_bounds_all_none_is_one_line_and_exit_2(tmp_path, capsys):
    cfg = config_file(tmp_path, "BayesOptConfig(search_space=CnnSearchSpace())", bounds="")
    rc, errors = run_driver(capsys, cfg)
    assert rc == 2 and len(errors) == 1 and "at least one bound must be set" in errors[0]


def test_multifidelity_trains_30_to_100_percent_of_the_epochs(tmp_path):
    cfg = config_file(tmp_path, "BayesOptConfig(search_space=CnnSearchSpace(), "
                                "multifidelity=True, checkpoint_dir=%r)" % str(tmp_path))
    config = driver.load_config(cfg)
    search = config["search_algorithm"]("mf", config["search_config"], config["training_config"],
                                        config["bound_config"], use_ray=False)
    epochs = config["training_config"].epochs
    assert search.fidelity == (max(1, int(0.3 * epochs)), epochs)
    assert search.new_oracle().fidelity == search.fidelity


def test_a_config_without_search_algorithm_runs_bayesopt(tmp_path):
    cfg = config_file(tmp_path, "BayesOptConfig(search_space=CnnSearchSpace())")
    assert driver.load_config(cfg)["search_algorithm"] is BayesOpt


KILLABLE = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    sys.path.insert(0, {here!r})
    from test_bayesopt_driver import ResourceScoredEvaluator, _space, BOUNDS
    from config import BayesOptConfig, BoundConfig, TrainingConfig
    from dataset import Digits
    from search_algorithms.bayesopt import BayesOpt

    class Slow(ResourceScoredEvaluator):
        def evaluate(self, point):
            time.sleep(0.3)
            return super().evaluate(point)

    cfg = BayesOptConfig(search_space=_space(), starting_points=3, rounds=int(sys.argv[2]),
                         checkpoint_dir=sys.argv[1], gp_hp_criterion="ml", refit_every=3,
                         acq_max_evals=12)
    training = TrainingConfig(dataset=Digits(), optimizer=lambda: None, epochs=1)
    load = sys.argv[3] if len(sys.argv) > 3 else None
    BayesOpt("k", cfg, training, BoundConfig(**BOUNDS), use_ray=False,
             evaluator_factory=Slow).search(load_from=load, save_every=100)
""")


def test_sigkill_then_resume_loses_no_completed_point(tmp_path):
    script = tmp_path / "run.py"
    script.write_text(KILLABLE.format(root=str(ROOT), here=str(Path(__file__).parent)))
    state = tmp_path / "k_bo_search_state.json"
    journal = tmp_path / "k_bo_search_state.journal.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(script), str(tmp_path), "40"], env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.time() + 600
        results = 0
        while results < 5:  # past the starting points: some results came from asks
            assert proc.poll() is None, "the search ended before it was killed"
            assert time.time() < deadline, "no results within 10 minutes"
            time.sleep(0.2)
            if journal.exists():
                results = sum('"event": "result"' in line for line in
                              journal.read_text().splitlines())
    finally:
        proc.kill()
        proc.wait()
    snapshot, events = read_state(state, algorithm="bayesian_optimisation")
    done, _ = merged_points(snapshot, events)
    done_ids = {p["id"] for p in done}
    assert len(done_ids) >= 5
    out = subprocess.run([sys.executable, str(script), str(tmp_path), str(len(done_ids) + 2),
                          str(state)], env=env, capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stderr[-2000:]
    final = json.loads(state.read_text())["points"]
    assert len(final) == len(done_ids) + 2
    before = {p["id"]: p for p in done}
    for p in final:
        if p["id"] in before:
            assert p == before[p["id"]]
    assert done_ids <= {p["id"] for p in final}
