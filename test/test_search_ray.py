"""The search on Ray with the fake evaluator: parallel workers, dead workers replaced and their
candidate retried once. One local Ray (2 CPUs) serves the whole module."""
import logging

import pytest
import ray

from conftest import DEADLINE
from search_algorithms.testing import FakeEvaluator
from search_algorithms.workers import default_workers, start_ray, worker_resources
from test_search_state import load, make_search


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    started = start_ray()
    yield
    if started:
        ray.shutdown()


def ray_search(tmp_path, rounds, evaluator, workers=2, **kw):
    s = make_search(tmp_path, rounds=rounds, evaluator=evaluator, **kw)
    s.use_ray = True
    s.config.max_parallel_evaluations = workers
    return s


def overlapping(points):
    spans = [(p.finished_at - p.train_seconds, p.finished_at) for p in points]
    return any(a0 < b1 and b0 < a1 for i, (a0, a1) in enumerate(spans)
               for (b0, b1) in spans[i + 1:])


def test_two_workers_evaluate_in_parallel(tmp_path):
    """Candidates 0 and 1 each wait until both are being evaluated (a barrier): they succeed only
    if two workers run them at the same time, however slowly the workers start."""
    (tmp_path / "met").mkdir()
    s = ray_search(tmp_path, 8, FakeEvaluator(meet=(str(tmp_path / "met"), 2, DEADLINE / 4)))
    history = s.search()
    assert len(history) == 8 and all(p.ok for p in history), [p.error for p in history]
    assert overlapping(history)
    assert sorted(p.id for p in history) == list(range(8))
    assert len(load(s.state_path)["points"]) == 8
    assert any(s.weights_dir.iterdir())  # weights came back from the workers


def test_dead_worker_is_replaced_and_its_candidate_retried_once(tmp_path, caplog):
    marker = tmp_path / "died"
    s = ray_search(tmp_path, 8, FakeEvaluator(die_once_on=(3, str(marker)), die_always_on={5}))
    with caplog.at_level(logging.WARNING, logger="uNAS.search"):
        history = s.search()
    assert marker.exists() and len(history) == 8
    by_id = {p.id: p for p in history}
    assert by_id[3].ok and by_id[3].attempts == 2
    assert not by_id[5].ok and "worker died twice" in by_id[5].error
    assert sum(p.ok for p in history) == 7
    assert "A worker died evaluating #3" in caplog.text and "retrying it once" in caplog.text


def test_a_search_with_dead_workers_resumes_with_their_outcomes(tmp_path):
    """Worker deaths are part of the saved history: a resumed search keeps the retried candidate
    (2 attempts, scored) and the given-up one (failed), and re-runs neither."""
    marker = tmp_path / "died"
    first = ray_search(tmp_path, 6, FakeEvaluator(die_once_on=(2, str(marker)),
                                                  die_always_on={4}), name="a")
    first.search()
    resumed = ray_search(tmp_path, 10, FakeEvaluator(die_always_on={4}), name="b")
    history = resumed.search(load_from=first.state_path)
    by_id = {p.id: p for p in history}
    assert sorted(by_id) == list(range(10)) and len(history) == 10
    assert by_id[2].ok and by_id[2].attempts == 2
    assert not by_id[4].ok and "worker died twice" in by_id[4].error
    assert [p.to_dict() for p in history[:6]] == load(first.state_path)["points"]
    assert all(p.ok for p in history[6:])


def test_candidate_failures_on_workers_are_recorded(tmp_path):
    history = ray_search(tmp_path, 6, FakeEvaluator(fail_ids={1, 4})).search()
    assert [p.id for p in history if not p.ok] == [1, 4] or \
        sorted(p.id for p in history if not p.ok) == [1, 4]
    assert all("fake training failure" in p.error for p in history if not p.ok)


def test_default_worker_count():
    assert default_workers(cpus=16, gpus=4) == 4
    assert default_workers(cpus=2, gpus=0) == 2
    assert default_workers(cpus=32, gpus=0, memory_bytes=8 << 30) == 4
    assert default_workers(cpus=0.5, gpus=0) == 1


def test_worker_resources_fit_all_workers_at_once():
    assert worker_resources(2, cpus=2, gpus=0) == (1.0, 0.0)
    assert worker_resources(1, cpus=2, gpus=0) == (2.0, 0.0)
    assert worker_resources(3, cpus=8, gpus=0) == (2.0, 0.0)
    assert worker_resources(4, cpus=2, gpus=0) == (0.5, 0.0)
    assert worker_resources(2, cpus=16, gpus=4) == (8.0, 1.0)
    assert worker_resources(4, cpus=16, gpus=2) == (4.0, 0.5)


def test_joining_an_unreachable_cluster_is_one_line_with_a_hint():
    from search_algorithms.workers import _join_failure
    try:
        try:
            raise RuntimeError("RPC error: InvalidAuthToken: Authentication token is missing")
        except RuntimeError as auth:
            raise ConnectionError("Failed to connect to Ray cluster at 10.0.0.1:6379") from auth
    except ConnectionError as e:
        message = _join_failure("10.0.0.1:6379", e)
    assert message.startswith("could not join the Ray cluster at 10.0.0.1:6379: ConnectionError")
    assert "RAY_AUTH_MODE=token" in message and "\n" not in message
    plain = _join_failure("h:1", ConnectionError("refused"))
    assert "RAY_AUTH_MODE" not in plain
