"""Worker recycling: a Ray worker past its memory limit or candidate count is replaced by a fresh
process between candidates, and no candidate is lost or evaluated twice. Fake evaluator, one local
Ray (2 CPUs) for the module."""
import logging

import pytest

from config import AgingEvoConfig, BayesOptConfig, ConfigError
from search_algorithms.testing import FakeEvaluator, FakeSearchSpace
from search_algorithms.points import Point
from search_algorithms.workers import RayPool, Recycling, _Worker
from test_search_state import load, make_search


def run_pool(pool, n):
    """Evaluate candidates 0..n-1 through ``pool`` as the runner does; the outcomes in order."""
    space, outcomes, next_id = FakeSearchSpace(), [], 0
    try:
        while len(outcomes) < n:
            while pool.has_free_worker() and next_id < n:
                pool.submit(Point(id=next_id, arch=space.random_architecture()))
                next_id += 1
            outcome = pool.wait_any(timeout=30)
            if outcome is not None:
                outcomes.append(outcome)
    finally:
        pool.shutdown()
    return outcomes


def served_by(outcomes):
    counts = {}
    for o in outcomes:
        counts[o.worker_pid] = counts.get(o.worker_pid, 0) + 1
    return counts


def test_worker_is_replaced_after_its_candidate_count(local_ray):
    pool = RayPool(lambda: FakeEvaluator(), 2, recycling=Recycling(max_candidates=3))
    outcomes = run_pool(pool, 12)
    assert sorted(o.point.id for o in outcomes) == list(range(12))
    assert all(o.point.ok and o.worker_lost is None for o in outcomes)
    counts = served_by(outcomes)
    assert max(counts.values()) == 3
    retired = {r["pid"] for r in pool.retired}
    assert all(r["served"] == 3 for r in pool.retired)
    assert retired == {pid for pid, n in counts.items() if n == 3} and len(retired) >= 3
    assert pool.workers_replaced == 0   # none died


def test_worker_over_the_memory_limit_is_replaced_after_each_candidate(local_ray, caplog):
    pool = RayPool(lambda: FakeEvaluator(), 2, recycling=Recycling(max_rss_mb=1))
    with caplog.at_level(logging.WARNING, logger="uNAS.search"):
        outcomes = run_pool(pool, 5)
    assert sorted(o.point.id for o in outcomes) == list(range(5))
    # each retirement is decided on the figure the worker reported (what that figure measures:
    # test_worker_growth.py, which sees it rise by what each candidate keeps)
    assert [r["rss"] for r in pool.retired] == [o.worker_rss for o in outcomes]
    assert set(served_by(outcomes).values()) == {1}           # a fresh process every time
    assert len(pool.retired) == 5 and "resident memory" in pool.retired[0]["reason"]
    assert caplog.text.count("over the worker memory limit") == 1   # said once, not per worker


def test_workers_under_the_limits_are_kept(local_ray):
    pool = RayPool(lambda: FakeEvaluator(), 2, recycling=Recycling(max_rss_mb=1 << 20,
                                                                   max_candidates=100))
    outcomes = run_pool(pool, 8)
    assert len(served_by(outcomes)) == 2 and pool.retired == []


def test_search_with_recycling_evaluates_each_candidate_once(tmp_path, local_ray, caplog):
    s = make_search(tmp_path, rounds=10, evaluator=FakeEvaluator(delay=0.05, fail_ids={4}))
    s.use_ray = True
    s.config.max_parallel_evaluations = 2
    s.config.worker_max_candidates = 2
    with caplog.at_level(logging.INFO, logger="uNAS.search"):
        history = s.search(save_every=3)
    assert sorted(p.id for p in history) == list(range(10))
    assert all(p.attempts == 1 for p in history)              # nothing retried
    assert [p.id for p in history if not p.ok] == [4]
    state = load(s.state_path)
    assert [p["id"] for p in state["points"]] == [p.id for p in history]
    assert state["in_flight"] == []
    assert state["config"]["search"]["worker_max_candidates"] == 2
    assert caplog.text.count("Replacing worker") >= 4


def test_recycling_reasons():
    r = Recycling(max_rss_mb=100, max_candidates=5)
    assert r.reason(50 << 20, 4) is None
    assert "resident memory 101 MiB (+0 MiB per candidate at most so far) would pass the " \
        "limit of 100 MiB" in r.reason(101 << 20, 1)
    assert r.reason(90 << 20, 1, growth=5 << 20) is None
    assert "would pass the limit" in r.reason(90 << 20, 1, growth=11 << 20)   # goes before it
    assert "served 5 candidates" in r.reason(None, 5)
    assert Recycling().reason(1 << 40, 10 ** 6) is None


def test_a_worker_is_judged_by_the_largest_growth_per_candidate_so_far():
    worker = _Worker(actor=None)
    worker.record(None)                                # unknown: nothing to go on
    assert worker.rss is None and worker.max_growth == 0
    for mib in (700, 720, 718, 725, 726):               # +20, -2, +7, +1 MiB
        worker.record(mib << 20)
    worker.record(None)                                # an unknown figure changes nothing
    assert worker.rss == 726 << 20 and worker.max_growth == 20 << 20
    r = Recycling(max_rss_mb=740)
    # The last candidate added 1 MiB, but one has added 20: 726 + 20 > 740, so it goes now.
    assert "+20 MiB per candidate at most so far" in r.reason(worker.rss, 5, worker.max_growth)
    assert r.reason(worker.rss, 5, 1 << 20) is None
    assert Recycling(max_rss_mb=750).reason(worker.rss, 5, worker.max_growth) is None


@pytest.mark.parametrize("cls", [AgingEvoConfig, BayesOptConfig])
def test_recycling_options_are_validated_and_reach_the_pool(cls):
    c = cls(search_space=FakeSearchSpace())
    assert c.worker_memory_limit_mb == 2048 and c.worker_max_candidates is None
    assert Recycling.of(c) == Recycling(max_rss_mb=2048, max_candidates=None)
    c = cls(search_space=FakeSearchSpace(), worker_memory_limit_mb=None, worker_max_candidates=50)
    assert Recycling.of(c) == Recycling(max_rss_mb=None, max_candidates=50)
    for field, bad in [("worker_memory_limit_mb", 0), ("worker_memory_limit_mb", 1.5),
                       ("worker_max_candidates", 0), ("worker_max_candidates", "10")]:
        with pytest.raises(ConfigError, match=f"{cls.__name__}.{field}:"):
            cls(search_space=FakeSearchSpace(), **{field: bad})
