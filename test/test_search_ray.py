"""The search on Ray with the fake evaluator: parallel workers, dead workers replaced and their
candidate retried once (after a crash, in a worker with oneDNN's rewrites off), workers that never
start replaced or given up, and no CPU lost to a worker killed while it was being created. One
local Ray (2 CPUs) serves the whole module."""
import logging
import os
import time

import numpy as np
import pytest
import ray

from conftest import DEADLINE
from search_algorithms.points import Point
from search_algorithms.testing import FakeArchitecture, FakeEvaluator, StallingStart
from search_algorithms.workers import RayPool, WorkersUnavailable, default_workers, worker_resources
from test_search_state import load, make_search


# Every test here runs on the module's local Ray (conftest.local_ray).
pytestmark = pytest.mark.usefixtures("local_ray")


def ray_search(tmp_path, rounds, evaluator, workers=2, start_timeout=None, **kw):
    """A search of the fake space on this module's Ray; ``evaluator`` is a ``FakeEvaluator`` or a
    ``make_evaluator`` callable run in each worker (``StallingStart``)."""
    s = make_search(tmp_path, rounds=rounds, evaluator=evaluator, **kw)
    if not isinstance(evaluator, FakeEvaluator):
        s.evaluator_factory = evaluator
    s.use_ray = True
    s.config.max_parallel_evaluations = workers
    if start_timeout is not None:
        s.config.worker_start_timeout_s = start_timeout
    return s


def all_cpus_free(deadline=DEADLINE / 4):
    """Whether every CPU of this Ray is free again within ``deadline`` seconds (a killed worker
    gives its CPU back a moment after the kill; one Ray kept for ever never comes back)."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if ray.available_resources().get("CPU", 0) >= ray.cluster_resources()["CPU"]:
            return True
        time.sleep(0.2)
    return False


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


def test_a_crashed_worker_s_candidate_is_retried_with_onednn_rewrites_off(tmp_path, caplog):
    """Candidate #3 segfaults its worker unless TF_ENABLE_ONEDNN_OPTS=0 (as TensorFlow 2.21's
    oneDNN graph rewrite does on some architectures): the crash is told from a kill by the
    worker's fault report, the retry runs in a worker started with the rewrites off and
    succeeds, and the point records it; the others train as usual."""
    s = ray_search(tmp_path, 8, FakeEvaluator(crash_on={3}))
    with caplog.at_level(logging.WARNING, logger="uNAS.search"):
        history = s.search()
    by_id = {p.id: p for p in history}
    assert len(history) == 8 and all(p.ok for p in history), [p.error for p in history]
    assert by_id[3].attempts == 2 and by_id[3].onednn_disabled
    assert not any(p.onednn_disabled for p in history if p.id != 3)
    assert "worker crashed (Fatal Python error: Segmentation fault)" in caplog.text
    saved = {p["id"]: p for p in load(s.state_path)["points"]}
    assert saved[3]["onednn_disabled"] is True and saved[4]["onednn_disabled"] is False


def test_a_killed_worker_is_not_taken_for_a_crash(tmp_path):
    """A worker that exits without a fatal signal (as one killed for memory) leaves no fault
    report: its candidate is retried in an ordinary worker."""
    marker = tmp_path / "died"
    history = ray_search(tmp_path, 6, FakeEvaluator(die_once_on=(2, str(marker)))).search()
    by_id = {p.id: p for p in history}
    assert marker.exists() and by_id[2].ok and by_id[2].attempts == 2
    assert not any(p.onednn_disabled for p in history)


def test_workers_that_never_start_are_replaced_then_given_up(tmp_path, caplog):
    """The first three worker starts hang. Both first workers are killed after the start-up time
    and replaced; of their replacements one hangs too, so its slot is given up (said once) and
    the search finishes on the other worker, losing no candidate."""
    starts = tmp_path / "starts"
    s = ray_search(tmp_path, 6, StallingStart(str(starts), stalls=3), start_timeout=20)
    with caplog.at_level(logging.WARNING, logger="uNAS.search"):
        history = s.search()
    assert sorted(p.id for p in history) == list(range(6)) and all(p.ok for p in history)
    assert all(p.attempts == 1 for p in history)  # a stalled start is not the candidate's fault
    assert caplog.text.count("did not start within 20 s (no CPU free for it") == 2
    assert caplog.text.count("the search goes on with 1 worker(s)") == 1
    assert len(list((starts / "begun").iterdir())) == 4
    assert all_cpus_free()


def test_a_pool_whose_workers_never_start_raises_instead_of_waiting(tmp_path):
    pool = RayPool(StallingStart(str(tmp_path / "starts"), stalls=100), 1, start_timeout=3)
    try:
        pool.submit(Point(0, FakeArchitecture({"width": 2, "depth": 2})))
        with pytest.raises(WorkersUnavailable, match="no Ray worker could start within 3 s"):
            end = time.monotonic() + DEADLINE
            while time.monotonic() < end:
                assert pool.wait_any(timeout=0.5) is None
        assert pool.workers_stalled == 2  # the worker and its replacement
    finally:
        pool.shutdown()
    assert all_cpus_free()


def test_workers_killed_while_being_created_do_not_starve_later_searches(tmp_path):
    """The hang this guards against: Ray can ignore a kill that reaches an actor in the middle of
    its creation ("Mismatched ActorID" in the worker's log) and keep its CPU for ever, so that the
    next search's workers wait for CPUs that never free (seen about once in 300 such kills on a
    loaded machine). Pools are shut down at random moments of their workers' start-up (half of
    them once a worker's creation has begun, so that a kill would land inside it): no worker is
    killed while it is being created (every start that began also finished), every CPU comes
    back, and a search on the same Ray finishes."""
    rng = np.random.default_rng(0)
    for i in range(20):
        starts = tmp_path / f"starts{i}"
        pool = RayPool(StallingStart(str(starts), delay=0.5), 2, start_timeout=DEADLINE / 4)
        if i % 2:
            end = time.monotonic() + DEADLINE / 4
            while not (starts / "begun").exists() or not any((starts / "begun").iterdir()):
                assert time.monotonic() < end, "no worker began to start"
                time.sleep(0.01)
            time.sleep(rng.uniform(0, 0.3))
        else:
            time.sleep(rng.uniform(0, 1.0))
        pool.shutdown()
    for i in range(20):
        starts = tmp_path / f"starts{i}"
        begun = {f.name for f in (starts / "begun").iterdir()} if starts.exists() else set()
        built = {f.name for f in (starts / "built").iterdir()} if starts.exists() else set()
        assert begun == built, f"pool {i}: workers killed while being created: {begun - built}"
    assert all_cpus_free(), f"CPUs left in use: {ray.available_resources()}"
    history = ray_search(tmp_path, 6, FakeEvaluator(), start_timeout=DEADLINE / 4).search()
    assert len(history) == 6 and all(p.ok for p in history)


def test_candidate_failures_on_workers_are_recorded(tmp_path):
    history = ray_search(tmp_path, 6, FakeEvaluator(fail_ids={1, 4})).search()
    assert [p.id for p in history if not p.ok] == [1, 4] or \
        sorted(p.id for p in history if not p.ok) == [1, 4]
    assert all("fake training failure" in p.error for p in history if not p.ok)


def test_workers_run_at_the_normal_priority():
    """Ray would start its workers at niceness 15: beside two busy loops they got about 3 % of a
    core and a search crawled. The search's own Ray starts them at 0, as any process."""
    import os

    @ray.remote(num_cpus=1)
    def niceness():
        return os.nice(0)
    assert ray.get(niceness.remote(), timeout=DEADLINE) == 0


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


def test_ray_processes_are_outside_the_drivers_process_group():
    """``kill %1`` of a background search signals its whole process group: Ray's processes must
    not be in it, or the raylet dies with the driver's workers and the driver's core worker exits
    the process (code 1) before the SIGTERM handler saves the state (seen under load)."""
    import psutil

    import ray

    @ray.remote(num_cpus=0)
    def worker_pid():
        return os.getpid()

    group = os.getpgid(0)
    worker = ray.get(worker_pid.remote(), timeout=DEADLINE)
    assert os.getpgid(worker) != group
    ray_processes = [p for p in psutil.Process().children(recursive=True)
                     if p.status() != psutil.STATUS_ZOMBIE]
    assert ray_processes, "start_ray started Ray's processes as children"
    inside = [(p.pid, p.name()) for p in ray_processes if os.getpgid(p.pid) == group]
    assert not inside, f"in the driver's process group: {inside}"
