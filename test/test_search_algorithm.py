"""Aging evolution as a specification: fitness, selection, aging, pruning, save/restore.

No TensorFlow, no Ray: the oracle is driven by hand with the fake search space and fake scores.
"""
import json
import logging
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import CHILD, DEADLINE
from config import PruningConfig
from search_algorithms.evolution import AgingEvolution, effective_bounds
from search_algorithms.pareto import pareto_front
from search_algorithms.points import (OK, Point, active_objectives, in_bounds, mo_fitness,
                                      normalised_objectives)
from search_algorithms.testing import FakeArchitecture, FakeSearchSpace, fake_scores

BOUNDS = {"error_bound": 0.1, "peak_mem_bound": 2000, "model_size_bound": 5000,
          "mac_bound": 100_000}


def scored(i, err, mem, size, macs, parent=None, sparsity=None):
    arch = FakeArchitecture({"width": 1 + i % 64, "depth": 1})
    return Point(id=i, arch=arch, parent_id=parent, sparsity=sparsity).completed(
        val_error=err, test_error=err, resource_features={
            "peak_memory_usage": mem, "model_size": size, "macs": macs})


def oracle(**kw):
    args = dict(bounds=BOUNDS, rounds=100, population_size=10, sample_size=3, seed=1)
    args.update(kw)
    return AgingEvolution(FakeSearchSpace(), **args)


def evaluate(point, fail=False):
    if fail:
        return point.failed("boom")
    return point.completed(**fake_scores(point.arch, point.sparsity))


def run(o, n, fail_ids=()):
    """Propose and complete ``n`` candidates one at a time."""
    for _ in range(n):
        p = o.suggest()
        p.attempts += 1
        o.on_result(evaluate(p, p.id in fail_ids))


# --- fitness ----------------------------------------------------------------------------------
def test_fitness_is_minus_max_of_weighted_normalised_objectives():
    p = scored(0, 0.05, 1000, 10_000, 50_000)
    norm = normalised_objectives(p, BOUNDS)
    assert norm == pytest.approx({"val_error": 0.5, "peak_memory_usage": 0.5,
                                  "model_size": 2.0, "macs": 0.5})
    weights = {"val_error": 0.1, "peak_memory_usage": 1.0, "model_size": 1.0, "macs": 1.0}
    assert mo_fitness(p, BOUNDS, weights) == pytest.approx(-5.0)  # 0.5 / 0.1 dominates
    weights["val_error"] = 1.0
    assert mo_fitness(p, BOUNDS, weights) == pytest.approx(-2.0)


def test_normalised_objectives_are_capped_at_10():
    p = scored(0, 0.9, 10**9, 10, 10)
    norm = normalised_objectives(p, BOUNDS)
    assert norm["val_error"] == pytest.approx(9.0) and norm["peak_memory_usage"] == 10.0


def test_objectives_without_bound_are_ignored():
    bounds = {**BOUNDS, "peak_mem_bound": None, "mac_bound": None}
    p = scored(0, 0.05, 10**9, 2500, 10**9)
    assert active_objectives(bounds) == ["val_error", "model_size"]
    assert set(normalised_objectives(p, bounds)) == {"val_error", "model_size"}
    assert in_bounds(p, bounds) and not in_bounds(p, BOUNDS)
    ones = dict.fromkeys(["val_error", "peak_memory_usage", "model_size", "macs"], 1.0)
    assert mo_fitness(p, bounds, ones) == pytest.approx(-0.5)


def test_unstructured_pruning_keeps_error_and_model_size_only(caplog):
    with caplog.at_level(logging.WARNING):
        b = effective_bounds(BOUNDS, PruningConfig(structured=False))
    assert b == {**BOUNDS, "peak_mem_bound": None, "mac_bound": None}
    assert "only the error and model size" in caplog.text
    assert effective_bounds(BOUNDS, PruningConfig(structured=True)) == BOUNDS
    assert effective_bounds(BOUNDS, None) == BOUNDS
    with pytest.raises(ValueError):
        effective_bounds({**dict.fromkeys(BOUNDS), "mac_bound": 5}, PruningConfig())


def test_failed_points_are_never_in_bounds_nor_on_the_front():
    good, bad = scored(0, 0.05, 10, 10, 10), Point(id=1, arch=None).failed("x")
    assert not in_bounds(bad, BOUNDS)
    assert pareto_front([good, bad]) == [good]


def test_pareto_front_matches_brute_force():
    rng = np.random.default_rng(0)
    pts = [scored(i, float(rng.integers(1, 5)) / 10, int(rng.integers(1, 5)),
                  int(rng.integers(1, 5)), int(rng.integers(1, 5))) for i in range(150)]
    objs = ["val_error", "peak_memory_usage", "model_size", "macs"]

    def vec(p):
        return [p.objective(o) for o in objs]

    brute = [p for p in pts if not any(
        all(a <= b for a, b in zip(vec(q), vec(p))) and vec(q) != vec(p) for q in pts)]
    assert pareto_front(pts, objs) == brute
    two = pareto_front(pts, ["val_error", "model_size"])
    assert all(not any(q.val_error <= p.val_error and q.objective("model_size") <=
                       p.objective("model_size") and (q.val_error, q.objective("model_size")) !=
                       (p.val_error, p.objective("model_size")) for q in pts) for p in two)


# --- selection --------------------------------------------------------------------------------
def test_parent_is_the_fittest_member_of_the_sample():
    """Members 0..4 form a chain (each dominates the next, so it is fitter whatever the weights):
    the parent is the lowest-ranked member of a sample of 5 drawn with replacement, so member r is
    chosen with probability ((5 - r)/5)^5 - ((4 - r)/5)^5."""
    o = oracle(sample_size=5, population_size=5)
    o.population.extend(scored(r, 0.01 * (r + 1), 100 * (r + 1), 500 * (r + 1),
                               5000 * (r + 1)) for r in (3, 0, 4, 1, 2))  # order is irrelevant
    n = 3000
    counts = np.bincount([o.select_parent().id for _ in range(n)], minlength=5)
    expected = [((5 - r) / 5) ** 5 - ((4 - r) / 5) ** 5 for r in range(5)]
    assert counts / n == pytest.approx(expected, abs=0.035)


def test_fresh_weights_per_selection_cover_the_trade_off():
    """Neither member dominates the other; which is fitter depends on the random weights. The
    probability that ``tiny`` is the parent (sample of 2 with replacement: a quarter of samples
    are tiny alone, half mixed) is computed here independently, by Monte Carlo over weights drawn
    uniformly in (0, 1]. Weights drawn once per search would give 1/4 or 3/4 instead."""
    o = oracle(sample_size=2, population_size=2)
    accurate = scored(0, 0.01, 1900, 4900, 99_000)   # near the resource bounds, very accurate
    tiny = scored(1, 0.099, 10, 10, 10)             # near the error bound, tiny
    o.population.extend([accurate, tiny])
    norm = {p.id: np.array([p.val_error / 0.1, p.objective("peak_memory_usage") / 2000,
                            p.objective("model_size") / 5000, p.objective("macs") / 100_000])
            for p in (accurate, tiny)}
    w = 1.0 - np.random.default_rng(7).random((200_000, 4))
    tiny_fitter = np.mean((norm[1] / w).max(1) < (norm[0] / w).max(1))
    expected = 0.25 + 0.5 * tiny_fitter
    n = 3000
    frac = sum(o.select_parent().id == 1 for _ in range(n)) / n
    assert abs(frac - expected) < 0.05, (frac, expected)


def test_sample_size_one_is_a_uniform_random_parent():
    o = oracle(sample_size=1, population_size=4)
    o.population.extend(scored(i, 0.1 * (i + 1), 10, 10, 10) for i in range(4))
    counts = np.bincount([o.select_parent().id for _ in range(800)], minlength=4)
    assert counts.min() > 140


# --- proposing and aging ----------------------------------------------------------------------
def test_initial_population_is_random_then_children_of_population_members():
    o = oracle(population_size=6, initial_population_size=4, rounds=30)
    proposals = []
    for _ in range(30):
        p = o.suggest()
        proposals.append(p)
        members = {m.id for m in o.population}
        if p.parent_id is not None:
            assert p.parent_id in members
            parent = next(m for m in o.population if m.id == p.parent_id)
            assert p.arch in FakeSearchSpace().produce_morphs(parent.arch)
        o.on_result(evaluate(p))
    assert [p.parent_id is None for p in proposals[:4]] == [True] * 4
    assert all(p.parent_id is not None for p in proposals[4:])
    assert [p.id for p in proposals] == list(range(30))
    assert o.is_finished() and o.suggest() is None


def test_population_ages_out_the_oldest_and_skips_failures():
    o = oracle(population_size=5, initial_population_size=5, rounds=40)
    run(o, 40, fail_ids={7, 8, 30})
    assert len(o.history) == 40
    ok_ids = [p.id for p in o.history if p.ok]
    assert [p.id for p in o.population] == ok_ids[-5:]
    assert sum(not p.ok for p in o.history) == 3


def test_all_failures_so_far_means_more_random_candidates():
    o = oracle(population_size=4, initial_population_size=2, rounds=10)
    run(o, 5, fail_ids={0, 1, 2, 3})
    assert all(p.parent_id is None for p in o.history[:5])
    p = o.suggest()
    assert p.parent_id == 4  # the only successful point is the only possible parent


def test_rounds_bound_what_is_in_flight():
    o = oracle(rounds=3)
    a, b, c = o.suggest(), o.suggest(), o.suggest()
    assert o.suggest() is None and o.num_running == 3
    o.on_result(evaluate(a))
    assert o.suggest() is None and not o.is_finished()
    o.on_result(evaluate(b)), o.on_result(evaluate(c))
    assert o.is_finished()


def test_same_seed_same_search():
    def ids_and_archs(seed):
        o = oracle(seed=seed, rounds=40)
        run(o, 40)
        return [(p.parent_id, p.arch.architecture) for p in o.history]
    assert ids_and_archs(3) == ids_and_archs(3)
    assert ids_and_archs(3) != ids_and_archs(4)


def test_pruning_sparsity_is_drawn_then_perturbed_and_clipped():
    pruning = PruningConfig(structured=True, min_sparsity=0.2, max_sparsity=0.6)
    o = oracle(pruning=pruning, population_size=5, initial_population_size=5, rounds=300)
    steps = []
    for _ in range(300):
        p = o.suggest()
        assert 0.2 <= p.sparsity <= 0.6
        if p.parent_id is not None:
            parent = next(m for m in o.history if m.id == p.parent_id)
            steps.append(p.sparsity - parent.sparsity)
        o.on_result(evaluate(p))
    steps = np.array(steps)
    inner = steps[np.abs(steps) < 0.1]
    assert abs(np.std(inner) - 0.05) < 0.012 and abs(np.mean(steps)) < 0.02
    no_pruning = oracle(rounds=3)
    assert no_pruning.suggest().sparsity is None


def test_retry_once_then_give_up():
    o = oracle()
    p = o.suggest()
    p.attempts += 1
    assert o.retry(p)
    again = o.suggest()
    assert again is p
    p.attempts += 1
    assert not o.retry(p)


def test_result_for_unknown_point_is_a_bug():
    with pytest.raises(KeyError):
        oracle().on_result(scored(99, 0.1, 1, 1, 1))


# --- save / restore (as Ray Tune tests its searchers) ------------------------------------------
def roundtrip(state):
    return json.loads(json.dumps(state))


def test_restore_keeps_everything_done_and_requeues_what_was_in_flight():
    o = oracle(population_size=5, initial_population_size=5, rounds=30)
    run(o, 12, fail_ids={3})
    in_flight = [o.suggest(), o.suggest()]
    for p in in_flight:
        p.attempts += 1
    restored = oracle(population_size=5, initial_population_size=5, rounds=30, seed=999)
    restored.set_state(roundtrip(o.get_state()), FakeSearchSpace().architecture_from_dict)
    assert [p.to_dict() for p in restored.history] == [p.to_dict() for p in o.history]
    assert [p.id for p in restored.population] == [p.id for p in o.population]
    again = [restored.suggest(), restored.suggest()]
    assert [p.id for p in again] == [p.id for p in in_flight]
    assert [p.arch for p in again] == [p.arch for p in in_flight]
    assert all(p.attempts == 0 for p in again)  # a stopped search is not a worker death
    # ... and the next new candidate is the one the uninterrupted search draws.
    assert restored.suggest().to_dict()["arch"] == o.suggest().to_dict()["arch"]


def test_resumed_search_draws_what_an_uninterrupted_one_would():
    full = oracle(rounds=40)
    run(full, 40)
    first = oracle(rounds=40)
    run(first, 17)
    second = oracle(rounds=40, seed=12345)
    second.set_state(roundtrip(first.get_state()), FakeSearchSpace().architecture_from_dict)
    run(second, 23)
    assert [p.to_dict()["arch"] for p in second.history] == \
        [p.to_dict()["arch"] for p in full.history]


def test_population_is_rebuilt_from_the_latest_points_when_not_stored():
    o = oracle(population_size=5, initial_population_size=5, rounds=30)
    run(o, 14, fail_ids={12})
    state = roundtrip(o.get_state())
    del state["population"], state["rng"], state["next_id"]
    restored = oracle(population_size=5, initial_population_size=5, rounds=30)
    restored.set_state(state, FakeSearchSpace().architecture_from_dict)
    assert [p.id for p in restored.population] == [p.id for p in o.population] == [8, 9, 10, 11, 13]
    assert restored.suggest().id == 14


def test_state_with_bad_population_is_rejected():
    o = oracle()
    run(o, 3, fail_ids={1})
    state = roundtrip(o.get_state())
    state["population"] = [1]
    with pytest.raises(ValueError):
        oracle().set_state(state, FakeSearchSpace().architecture_from_dict)


def test_point_json_roundtrip_is_lossless():
    p = scored(5, 0.125, 100, 200, 300, parent=2, sparsity=0.5)
    d = roundtrip(p.to_dict())
    q = Point.from_dict(d, FakeSearchSpace().architecture_from_dict)
    assert q == p and q.status == OK
    assert set(d) >= {"id", "parent_id", "arch", "sparsity", "val_error", "test_error",
                      "resource_features", "status", "error", "train_seconds"}


def test_importing_the_search_imports_neither_tensorflow_nor_ray_nor_dragonfly():
    root = Path(__file__).resolve().parents[1]
    code = ("import sys; import search_algorithms, search_algorithms.aging_evolution, "
            "search_state_processor, driver; "
            "from search_algorithms import AgingEvoSearch; "
            "print(sorted(m for m in ('tensorflow', 'keras', 'ray', 'dragonfly') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                         timeout=DEADLINE, **CHILD)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
