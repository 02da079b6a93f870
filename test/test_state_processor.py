"""search_state_processor: loading (with the journal), the Pareto front, the printout and plots."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import search_state_processor as ssp
from search_algorithms.testing import FakeArchitecture, FakeEvaluator, FakeSearchSpace
from search_algorithms.points import in_bounds
from search_algorithms.state import journal_path
from test_search_state import make_search

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def finished(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("state")
    s = make_search(tmp, rounds=40, evaluator=FakeEvaluator(fail_ids={5}),
                    bounds=dict(error_bound=0.12, peak_mem_bound=2000, model_size_bound=5000,
                                mac_bound=100_000))
    history = s.search()
    return s, history


def test_load_gives_every_point_with_rebuilt_architectures(finished):
    s, history = finished
    state = ssp.load_search_state(s.state_path)
    assert [p.to_dict() for p in state.points] == [p.to_dict() for p in history]
    assert isinstance(state.space, FakeSearchSpace) and state.space.input_shape == (8, 8, 1)
    assert all(isinstance(p.arch, FakeArchitecture) for p in state.points)
    assert state.objectives == ["val_error", "peak_memory_usage", "model_size", "macs"]
    assert [p.id for p in state.in_bounds_points] == [p.id for p in history
                                                      if in_bounds(p, s.bounds)]


def test_pareto_front_of_any_objectives(finished):
    s, _ = finished
    state = ssp.load_search_state(s.state_path)
    front = ssp.pareto_front(state.points, ["val_error", "model_size"])
    assert front and all(p.ok for p in front)
    for p in front:
        assert not any(q.val_error <= p.val_error and q.objective("model_size") <=
                       p.objective("model_size") and (q.val_error < p.val_error or
                       q.objective("model_size") < p.objective("model_size"))
                       for q in state.ok_points)
    assert state.weights_path(front[0]) is not None


def test_a_state_being_written_is_read_with_its_journal(tmp_path, finished):
    s, history = finished
    state = json.loads(s.state_path.read_text())
    cut = state["points"][:30]
    state["points"], state["journal_seq"] = cut[:25], 0
    path = tmp_path / "live_agingevosearch_state.json"
    path.write_text(json.dumps(state))
    lines = [json.dumps({"seq": i + 1, "event": "result", "point": p})
             for i, p in enumerate(cut[25:])]
    lines.append(json.dumps({"seq": 99, "event": "propose", "point": state["points"][0] |
                             {"id": 77, "status": "pending"}}))
    journal_path(path).write_text("\n".join(lines) + "\n")
    loaded = ssp.load_search_state(path)
    assert [p.id for p in loaded.points] == [p["id"] for p in cut]
    assert [p.id for p in loaded.in_flight] == [77]


def test_cli_prints_fronts_and_writes_plots(tmp_path, finished):
    s, history = finished
    result = subprocess.run([sys.executable, str(ROOT / "search_state_processor.py"),
                             str(s.state_path), "--plot-dir", str(tmp_path / "plots")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "40 candidates evaluated (1 failed)" in out
    assert "Pareto-optimal candidates" in out and "Candidates within all bounds" in out
    assert "val err" in out and "peak mem B" in out and "sparsity" in out
    pngs = sorted(p.name for p in (tmp_path / "plots").iterdir())
    assert pngs == ["pareto_macs.png", "pareto_model_size.png", "pareto_peak_memory_usage.png",
                    "progress.png"]
    assert all((tmp_path / "plots" / n).read_bytes()[:4] == b"\x89PNG" for n in pngs)


def test_cli_bad_state_is_one_line(tmp_path):
    path = tmp_path / "x_agingevosearch_state.json"
    path.write_text('{"version": 1, "points": [')
    result = subprocess.run([sys.executable, str(ROOT / "search_state_processor.py"), str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and str(path) in result.stderr


# --- which error the figures show: test error by default (as the original), validation on request
@pytest.fixture(scope="module")
def shuffled(tmp_path_factory, finished):
    """The finished state with the test errors permuted among the points, so that the test-error
    and validation-error fronts differ."""
    s, _ = finished
    state = json.loads(s.state_path.read_text())
    ok = [p for p in state["points"] if p["status"] == "ok"]
    rng = __import__("random").Random(3)
    errors = [p["test_error"] for p in ok]
    rng.shuffle(errors)
    for p, e in zip(ok, errors):
        p["test_error"] = e
    path = tmp_path_factory.mktemp("shuffled") / "t_agingevosearch_state.json"
    path.write_text(json.dumps(state))
    return path, ok


def brute_front(records, error, resources):
    """Front by exhaustive comparison of the raw JSON records (independent of the code under test)."""
    def values(r):
        return [r[error]] + [r["resource_features"][k] for k in resources]
    front = []
    for r in records:
        v = values(r)
        if not any(all(a <= b for a, b in zip(values(q), v)) and values(q) != v for q in records):
            front.append(r["id"])
    return sorted(front)


def printed_front(out):
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Pareto-optimal"))
    ids = []
    for line in lines[start + 2:]:
        if not line.strip():
            break
        ids.append(int(line.split()[0]))
    return lines[start], sorted(ids)


RESOURCES = ["peak_memory_usage", "model_size", "macs"]


@pytest.mark.parametrize("flag, error", [([], "test_error"), (["--validation-error"], "val_error")])
def test_cli_front_uses_test_error_unless_asked(shuffled, flag, error):
    path, records = shuffled
    result = subprocess.run([sys.executable, str(ROOT / "search_state_processor.py"), str(path),
                             *flag], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    header, ids = printed_front(result.stdout)
    assert ssp.ERRORS[error] in header
    assert ids == brute_front(records, error, RESOURCES)
    other = "val_error" if error == "test_error" else "test_error"
    assert brute_front(records, error, RESOURCES) != brute_front(records, other, RESOURCES)


def test_plotted_fronts_use_the_chosen_error(shuffled):
    path, records = shuffled
    state = ssp.load_search_state(path)
    for error in ("test_error", "val_error"):
        for resource in RESOURCES:
            ids = sorted(p.id for p in ssp.front_2d(state.ok_points, resource, error))
            assert ids == brute_front(records, error, [resource])


def test_cli_csv_is_the_originals_format(shuffled):
    path, records = shuffled
    result = subprocess.run([sys.executable, str(ROOT / "search_state_processor.py"), str(path),
                             "--csv"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Error,PMU,MS,MACs" and len(lines) == len(records) + 1
    for line, r in zip(lines[1:], records):
        rf = r["resource_features"]
        assert line == (f"{r['test_error']:.4f},{rf['peak_memory_usage']},{rf['model_size']},"
                        f"{rf['macs']}")


def test_table_marks_bo_candidates_and_shows_epochs_only_when_points_have_them():
    from search_algorithms.points import Point
    arch = FakeSearchSpace().random_architecture(None)
    rf = {"peak_memory_usage": 10, "model_size": 20, "macs": 30}
    random, bo = (Point(id=i, arch=arch, origin=o).completed(
        val_error=0.1, test_error=0.1, resource_features=rf) for i, o in ((0, None), (1, "acquisition")))
    child = Point(id=2, arch=arch, parent_id=1).completed(val_error=0.1, test_error=0.1,
                                                          resource_features=rf)
    bounds = {"error_bound": 0.5}
    head, *rows = ssp.format_table([random, bo, child], bounds).splitlines()
    assert "epochs" not in head
    assert [r.split()[1] for r in rows] == ["-", "BO", "1"]
    bo.epochs = 4
    head, *rows = ssp.format_table([random, bo], bounds).splitlines()
    assert head.split()[-3:] == ["epochs", "in", "bounds"]
    assert [r.split()[-2] for r in rows] == ["-", "4"]
