"""The search state on disk and the search loop around it, without TensorFlow or Ray.

A whole search runs in-process (``use_ray=False``) with the fake search space and evaluator; a
search in a subprocess is killed (SIGKILL) or interrupted (SIGINT) at a random moment and resumed.
"""
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import CHILD, DEADLINE
from config import AgingEvoConfig, BoundConfig, PruningConfig, TrainingConfig
from search_algorithms.aging_evolution import AgingEvoSearch
from search_algorithms.display import LogDisplay
from search_algorithms.pareto import pareto_front
from search_algorithms.points import in_bounds
from search_algorithms.runner import SearchAborted
from search_algorithms.state import (StateFileError, StateStore, atomic_write_json, journal_path,
                                     merged_points, read_state, state_path)
from search_algorithms.testing import FakeEvaluator, FakeSearchSpace
from search_algorithms.weights import WeightsKeeper

ROOT = Path(__file__).resolve().parents[1]
BOUNDS = dict(error_bound=0.1, peak_mem_bound=2000, model_size_bound=5000, mac_bound=100_000)
POINT_KEYS = {"id", "parent_id", "arch", "sparsity", "val_error", "test_error",
              "resource_features", "status", "error", "train_seconds"}


class FakeData:
    input_shape, num_classes = (8, 8, 1), 10
    train_dataset = validation_dataset = test_dataset = lambda self: None


def make_search(tmp_path, rounds=20, name="t", evaluator=None, pruning=None, bounds=BOUNDS,
                **search_kw):
    training = TrainingConfig(dataset=FakeData(), optimizer=lambda: None, epochs=1,
                              pruning=pruning)
    search = AgingEvoConfig(search_space=FakeSearchSpace(), population_size=6, sample_size=3,
                            rounds=rounds, checkpoint_dir=str(tmp_path))
    evaluator = evaluator or FakeEvaluator()
    return AgingEvoSearch(name, search, training, BoundConfig(**bounds), use_ray=False,
                          evaluator_factory=lambda: evaluator, **search_kw)


def load(path):
    with open(path) as f:
        return json.load(f)


# --- a whole search, in-process ---------------------------------------------------------------
def test_state_file_holds_every_point_in_evaluation_order(tmp_path):
    s = make_search(tmp_path, rounds=20, evaluator=FakeEvaluator(fail_ids={2, 9}))
    history = s.search(save_every=5)
    state = load(s.state_path)
    assert s.state_path == tmp_path / "t_agingevosearch_state.json"
    assert state["version"] == 1 and state["algorithm"] == "aging_evolution"
    assert state["bounds"] == BoundConfig(**BOUNDS).as_dict()   # the target bounds None
    assert state["config"]["target"] == BoundConfig(**BOUNDS).target.as_dict()
    assert state["config"]["search"]["rounds"] == 20
    assert state["config"]["training"]["epochs"] == 1
    assert [p["id"] for p in state["points"]] == [p.id for p in history] == list(range(20))
    assert all(POINT_KEYS <= set(p) for p in state["points"])
    failed = [p for p in state["points"] if p["status"] == "failed"]
    assert [p["id"] for p in failed] == [2, 9] and "fake training failure" in failed[0]["error"]
    ok = [p for p in state["points"] if p["status"] == "ok"]
    assert all(set(p["resource_features"]) == {"peak_memory_usage", "model_size", "macs"}
               for p in ok)
    assert state["in_flight"] == []
    assert journal_path(s.state_path).read_text() == ""  # everything is in the snapshot


def test_weights_are_kept_for_in_bounds_and_pareto_points_only(tmp_path):
    s = make_search(tmp_path, rounds=25, bounds=dict(error_bound=0.1, model_size_bound=5000))
    history = s.search()
    keep = {p.id for p in pareto_front(history, ["val_error", "model_size"])}
    keep |= {p.id for p in history if in_bounds(p, s.bounds)}
    files = {int(f.name.split(".")[0]) for f in s.weights_dir.glob("*.weights.h5")}
    assert files == keep and len(files) < len(history)
    some = min(files)
    assert (s.weights_dir / f"{some}.weights.h5").read_bytes() == \
        f"fake weights of candidate {some}".encode()


def test_a_new_search_under_an_old_name_replaces_its_state_and_weights(tmp_path, caplog):
    first = make_search(tmp_path, rounds=10)
    first.search()
    stale = first.weights_dir / "999.weights.h5"
    stale.write_bytes(b"old")
    (first.weights_dir / "0.weights.h5").write_bytes(b"old")
    again = make_search(tmp_path, rounds=4)
    again.search()
    assert "Replacing the search state" in caplog.text
    assert len(load(again.state_path)["points"]) == 4
    assert not stale.exists()
    assert all(f.read_bytes() != b"old" for f in again.weights_dir.iterdir())


def test_keeper_deletes_weights_of_points_that_drop_off_the_front(tmp_path):
    from test_search_algorithm import scored
    keeper = WeightsKeeper(tmp_path / "w", {"error_bound": 0.01, "model_size_bound": 10})
    a = scored(0, 0.5, 1, 100, 1)
    assert keeper.settle(a, [a], b"a")
    b = scored(1, 0.4, 1, 90, 1)  # dominates a
    assert keeper.settle(b, [a, b], b"b")
    assert sorted(f.name for f in (tmp_path / "w").iterdir()) == ["1.weights.h5"]
    c = scored(2, 0.9, 1, 900, 1)  # dominated: not kept
    assert not keeper.settle(c, [a, b, c], b"c")


def test_resume_continues_to_rounds_total_and_keeps_the_history(tmp_path):
    first = make_search(tmp_path, rounds=8, name="a")
    first.search()
    second = make_search(tmp_path, rounds=20, name="b")
    history = second.search(load_from=first.state_path)
    assert len(history) == 20 and [p.id for p in history] == list(range(20))
    assert [p.to_dict() for p in history[:8]] == load(first.state_path)["points"]
    # the kept weights of the first part were carried over to the new name
    kept_b = {int(f.name.split(".")[0]) for f in second.weights_dir.iterdir()}
    assert kept_b == WeightsKeeper(second.weights_dir, second.bounds).worth_keeping(history)
    # resuming a finished search evaluates nothing more
    third = make_search(tmp_path, rounds=20, name="b")
    assert len(third.search(load_from=second.state_path)) == 20


def test_resumed_search_is_the_uninterrupted_search(tmp_path):
    whole = make_search(tmp_path / "whole", rounds=24).search()
    part = make_search(tmp_path / "part", rounds=10)
    part.search()
    rest = make_search(tmp_path / "part", rounds=24).search(load_from=part.state_path)
    assert [p.arch for p in rest] == [p.arch for p in whole]


def test_a_candidate_that_raises_is_recorded_as_failed(tmp_path):
    history = make_search(tmp_path, rounds=12, evaluator=FakeEvaluator(fail_every=4)).search()
    assert len(history) == 12
    assert [p.id for p in history if not p.ok] == [0, 4, 8]
    assert all(p.error.startswith("RuntimeError: fake training failure") for p in history
               if not p.ok)


def test_too_many_failures_in_a_row_stop_the_search_with_the_state_saved(tmp_path):
    s = make_search(tmp_path, rounds=30, evaluator=FakeEvaluator(fail_every=1),
                    max_consecutive_failures=5)
    with pytest.raises(SearchAborted, match="5 candidates in a row failed"):
        s.search()
    assert len(load(s.state_path)["points"]) == 5


def test_progress_log_lines(tmp_path, caplog):
    import logging
    s = make_search(tmp_path, rounds=30, evaluator=FakeEvaluator(fail_ids={1}))
    with caplog.at_level(logging.INFO, logger="uNAS.search"):
        s.search()
    lines = [r.getMessage() for r in caplog.records]
    assert any(line.startswith("[2/30] #1 (random): FAILED") for line in lines)
    assert any("in bounds: " in line and "of the last 25)" in line for line in lines)
    assert any("(from #" in line and "val error" in line and "MACs" in line for line in lines)


def test_progress_line_counts(tmp_path):
    import io
    from search_algorithms.display import ProgressDisplay
    stream = io.StringIO()
    s = make_search(tmp_path, rounds=10, evaluator=FakeEvaluator(fail_ids={3}))
    s.display = ProgressDisplay(s.bounds, stream=stream)
    s.search()
    out = stream.getvalue()
    assert "10/10 evaluated" in out and "failed 1" in out and "best in bounds" in out


def test_unstructured_pruning_search_records_sparsity_and_ignores_memory_and_macs(tmp_path):
    pruning = PruningConfig(structured=False, min_sparsity=0.1, max_sparsity=0.9)
    s = make_search(tmp_path, rounds=10, pruning=pruning)
    history = s.search()
    state = load(s.state_path)
    assert state["bounds"]["peak_mem_bound"] is None and state["bounds"]["mac_bound"] is None
    assert state["config"]["bounds_given"]["mac_bound"] == 100_000
    assert all(0.1 <= p.sparsity <= 0.9 for p in history)


# --- state files --------------------------------------------------------------------------------
def test_atomic_write_replaces_whole_files(tmp_path):
    path = tmp_path / "s.json"
    atomic_write_json(path, {"a": 1})
    atomic_write_json(path, {"a": 2})
    assert load(path) == {"a": 2}
    assert [f.name for f in tmp_path.iterdir()] == ["s.json"]  # no temp files left behind
    old = os.umask(0o027)
    try:
        atomic_write_json(path, {"a": 2})
    finally:
        os.umask(old)
    # the usual permissions of a new file under the umask (mkstemp alone would give 0600)
    assert oct(path.stat().st_mode & 0o777) == oct(0o640)
    with pytest.raises(ValueError):
        atomic_write_json(path, {"a": float("nan")})
    assert load(path) == {"a": 2}


@pytest.mark.parametrize("content, problem", [
    (None, "not found"),
    ('{"version": 1, "algorithm": "aging_evo', "corrupt or truncated JSON"),
    ("", "corrupt or truncated JSON"),
    ("[1, 2]", "top level is a list"),
    ('{"version": 1}', "missing algorithm, bounds, points"),
    ('{"version": 99, "algorithm": "aging_evolution", "bounds": {}, "points": []}',
     "version 99"),
    (b"\xff\xfe\x00garbage", "cannot read"),
])
def test_bad_state_files_give_one_line_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "x_agingevosearch_state.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    with pytest.raises(StateFileError) as e:
        read_state(path)
    message = str(e.value)
    assert str(path) in message and problem in message and "\n" not in message


def test_truncated_real_state_file_is_refused_on_resume(tmp_path):
    s = make_search(tmp_path, rounds=6)
    s.search()
    text = s.state_path.read_text()
    s.state_path.write_text(text[: len(text) // 2])
    with pytest.raises(StateFileError, match=str(s.state_path)):
        make_search(tmp_path, rounds=10, name="again").search(load_from=s.state_path)


def test_state_with_broken_points_is_refused_on_resume(tmp_path):
    s = make_search(tmp_path, rounds=6)
    s.search()
    state = load(s.state_path)
    del state["points"][2]["arch"]
    s.state_path.write_text(json.dumps(state))
    with pytest.raises(StateFileError, match="not a valid search state file"):
        make_search(tmp_path, rounds=10, name="again").search(load_from=s.state_path)


def test_journal_replays_over_the_snapshot_and_tolerates_a_torn_last_line(tmp_path):
    path = tmp_path / "j_agingevosearch_state.json"
    store = StateStore(path, {"version": 1, "algorithm": "aging_evolution", "bounds": {}})
    store.snapshot({"points": [], "in_flight": []})
    store.append("propose", point={"id": 0, "arch": {}})
    store.append("propose", point={"id": 1, "arch": {}})
    store.append("result", point={"id": 0, "arch": {}, "status": "ok"})
    store.close()
    with open(journal_path(path), "a") as f:
        f.write('{"seq": 4, "event": "res')  # the write a SIGKILL interrupted
    snapshot, events = read_state(path)
    points, in_flight = merged_points(snapshot, events)
    assert [p["id"] for p in points] == [0] and [p["id"] for p in in_flight] == [1]
    # a corrupt line in the middle is not a torn write: refuse it
    lines = journal_path(path).read_text().splitlines()
    journal_path(path).write_text("\n".join([lines[0], "garbage", *lines[1:3]]) + "\n")
    with pytest.raises(StateFileError, match="corrupt search journal at line 2"):
        read_state(path)


# --- killed and interrupted searches (subprocess) ---------------------------------------------
SCRIPT = textwrap.dedent("""
    import logging, sys
    sys.path.insert(0, {root!r})
    logging.basicConfig(level=logging.INFO)
    from config import AgingEvoConfig, BoundConfig, TrainingConfig
    from search_algorithms.aging_evolution import AgingEvoSearch
    from search_algorithms.testing import FakeEvaluator, FakeSearchSpace

    class FakeData:
        input_shape, num_classes = (8, 8, 1), 10
        train_dataset = validation_dataset = test_dataset = lambda self: None

    training = TrainingConfig(dataset=FakeData(), optimizer=lambda: None, epochs=1)
    search = AgingEvoConfig(search_space=FakeSearchSpace(), population_size=6, sample_size=3,
                            rounds=int(sys.argv[1]), checkpoint_dir={ckpt!r})
    s = AgingEvoSearch("k", search, training, BoundConfig(error_bound=0.1, model_size_bound=5000),
                       use_ray=False, evaluator_factory=lambda: FakeEvaluator(delay=0.05))
    try:
        s.search(load_from=sys.argv[2] if len(sys.argv) > 2 else None, save_every=7)
    except KeyboardInterrupt:
        sys.exit(130)
""")


def start_fake_search(tmp_path, rounds, *extra):
    script = tmp_path / "run.py"
    script.write_text(SCRIPT.format(root=str(ROOT), ckpt=str(tmp_path)))
    return subprocess.Popen([sys.executable, str(script), str(rounds), *map(str, extra)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **CHILD)


def recorded_ids(path):
    snapshot, events = read_state(path)
    points, in_flight = merged_points(snapshot, events)
    return [p["id"] for p in points], [p["id"] for p in in_flight]


def wait_for_results(path, n, proc, timeout=DEADLINE):
    """Wait until the running search has recorded ``n`` results; returns their ids."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        assert proc.poll() is None, proc.stdout.read()
        try:
            done = recorded_ids(path)[0]
            if len(done) >= n:
                return done
        except StateFileError:
            pass
        time.sleep(0.01)
    raise AssertionError(f"no {n} results within {timeout} s")


@pytest.mark.parametrize("kill_after", [3, 10])
def test_sigkill_loses_no_recorded_point_and_resume_finishes(tmp_path, kill_after):
    path = state_path(tmp_path, "k")
    proc = start_fake_search(tmp_path, 10**6)  # 14 h of candidates: only the kill stops it
    seen = wait_for_results(path, kill_after, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done, in_flight = recorded_ids(path)
    assert done[:len(seen)] == seen
    assert done == list(range(len(done)))
    total = len(done) + len(in_flight) + 5
    resumed = start_fake_search(tmp_path, total, path)
    out, _ = resumed.communicate(timeout=DEADLINE)
    assert resumed.returncode == 0, out
    state = load(path)
    ids = [p["id"] for p in state["points"]]
    assert ids[:len(done)] == done and sorted(ids) == list(range(total))
    assert state["in_flight"] == []


def test_sigint_saves_the_state_before_exiting(tmp_path):
    path = state_path(tmp_path, "k")
    proc = start_fake_search(tmp_path, 10**6)  # 14 h of candidates: only the signal can stop it
    seen = wait_for_results(path, 4, proc)
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=DEADLINE)
    assert proc.returncode == 130, out
    assert "Interrupted: saved" in out
    state = load(path)  # the snapshot alone has everything: nothing left in the journal
    assert journal_path(path).read_text() == ""
    ids = [p["id"] for p in state["points"]]
    assert ids[:len(seen)] == seen and len(ids) < 10**6
    assert len(state["in_flight"]) <= 1


# --- resuming under another space, failures of the machinery --------------------------------------
class OtherSearchSpace(FakeSearchSpace):
    name = "other"


def test_resuming_a_state_from_another_search_space_is_refused(tmp_path):
    first = make_search(tmp_path, rounds=4, name="a")
    first.search()
    other = make_search(tmp_path, rounds=8, name="b")
    other.space = other.config.search_space = OtherSearchSpace()
    with pytest.raises(StateFileError, match="from the 'fake' search space, the config uses "
                                             "'other'"):
        other.search(load_from=first.state_path)
    assert not other.state_path.exists()  # nothing written under the new name


class PoolThatBreaks:
    """Wraps a pool; after ``results`` outcomes its ``wait_any`` raises, as Ray does when the
    cluster goes away under a running search."""

    def __init__(self, pool, results):
        self.pool, self.left = pool, results

    def __getattr__(self, name):
        return getattr(self.pool, name)

    def wait_any(self, timeout=None):
        if self.left == 0:
            raise ConnectionError("the Ray cluster went away")
        self.left -= 1
        return self.pool.wait_any(timeout)


def run_with(tmp_path, oracle, pool):
    from search_algorithms.runner import run_search
    store = StateStore(tmp_path / "r_agingevosearch_state.json",
                       {"version": 1, "algorithm": "aging_evolution", "bounds": BOUNDS})
    run_search(oracle, pool, store, LogDisplay(BOUNDS), save_every=100)
    return store


def test_ray_failing_mid_search_saves_the_state_and_raises(tmp_path):
    from search_algorithms.workers import InlinePool
    oracle = make_search(tmp_path, rounds=20).new_oracle()
    with pytest.raises(ConnectionError, match="went away"):
        run_with(tmp_path, oracle, PoolThatBreaks(InlinePool(FakeEvaluator()), results=7))
    state = load(tmp_path / "r_agingevosearch_state.json")  # a snapshot despite save_every=100
    assert [p["id"] for p in state["points"]] == list(range(7))
    assert [p["id"] for p in state["in_flight"]] == [7]


class OracleThatRunsDry:
    """Wraps an oracle that stops proposing after ``n`` candidates without being finished."""

    def __init__(self, oracle, n):
        self.oracle, self.n = oracle, n

    def __getattr__(self, name):
        return getattr(self.oracle, name)

    def suggest(self):
        return self.oracle.suggest() if self.oracle.next_id < self.n else None


def test_a_stalled_search_raises_with_the_state_saved(tmp_path):
    from search_algorithms.workers import InlinePool
    oracle = OracleThatRunsDry(make_search(tmp_path, rounds=20).new_oracle(), 5)
    with pytest.raises(RuntimeError, match=r"search stalled: nothing to evaluate and nothing "
                                           r"running \(5 of 20 evaluated\)"):
        run_with(tmp_path, oracle, InlinePool(FakeEvaluator()))
    assert len(load(tmp_path / "r_agingevosearch_state.json")["points"]) == 5


class TwoSlotPool:
    """Two workers, scripted: ``wait_any`` finishes the oldest running candidate. Logs every
    submission with how many candidates were running before it."""

    size = 2

    def __init__(self):
        self.running, self.submitted = [], []
        self.evaluator = FakeEvaluator()

    def has_free_worker(self):
        return len(self.running) < self.size

    def num_running(self):
        return len(self.running)

    def submit(self, point):
        self.submitted.append(point.id)
        self.running.append(point)

    def wait_any(self, timeout=None):
        from search_algorithms.workers import evaluate_safely
        return evaluate_safely(self.evaluator, self.running.pop(0))

    def shutdown(self):
        pass


class AskLog:
    """Wraps an oracle; records, for each ``suggest`` that proposed a point, how many were running."""

    def __init__(self, oracle, pool, ahead):
        self.oracle, self.pool, self.asks = oracle, pool, []
        self.asks_ahead = ahead

    def __getattr__(self, name):
        return getattr(self.oracle, name)

    def suggest(self):
        point = self.oracle.suggest()
        if point is not None:
            self.asks.append((point.id, self.pool.num_running()))
        return point


@pytest.mark.parametrize("ahead", [True, False])
def test_an_oracle_that_asks_ahead_is_asked_while_every_worker_is_busy(tmp_path, ahead):
    pool = TwoSlotPool()
    oracle = AskLog(make_search(tmp_path, rounds=12).new_oracle(), pool, ahead)
    store = run_with(tmp_path, oracle, pool)
    busy_asks = [i for i, running in oracle.asks if running == pool.size]
    # asked ahead: every candidate after the first two is chosen while both workers train
    assert busy_asks == (list(range(2, 12)) if ahead else [])
    # each candidate submitted once, in the order asked; all evaluated, none left in flight
    assert pool.submitted == list(range(12)) == [i for i, _ in oracle.asks]
    state = load(store.path)
    assert [p["id"] for p in state["points"]] == list(range(12))
    assert all(p["status"] == "ok" for p in state["points"])


def test_a_candidate_asked_ahead_is_saved_as_in_flight_and_evaluated_after_a_resume(tmp_path):
    pool = TwoSlotPool()
    oracle = AskLog(make_search(tmp_path, rounds=12).new_oracle(), pool, True)
    with pytest.raises(ConnectionError):
        run_with(tmp_path, oracle, PoolThatBreaks(pool, results=5))
    # 5 evaluated, 2 running, 1 asked ahead and not yet submitted: all 3 saved as in flight
    path = tmp_path / "r_agingevosearch_state.json"
    state = load(path)
    assert [p["id"] for p in state["points"]] == list(range(5))
    assert [p["id"] for p in state["in_flight"]] == [5, 6, 7] and 7 not in pool.submitted
    history = make_search(tmp_path, rounds=12, name="again").search(load_from=path)
    assert sorted(p.id for p in history) == list(range(12))
    assert all(p.ok for p in history)
