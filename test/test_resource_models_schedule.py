"""Exactness of the peak-memory search (resource_models.schedule), by brute force.

Every figure is compared with oracles written here from the memory model alone, sharing no code
with the search: the least peak over ALL topological orders enumerated one by one (small graphs),
or a plain DP over sets of executed operators (larger ones). Random graphs cover forks and joins,
Adds written in place (equal shapes) and zero-padded Adds, Dense heads, several graph outputs, dead
ends, weights and inputs counted or not, and 1- and 2-byte elements; random fork-joins mimic the
parallel branches of the CNN search space. Each is also run with the search's shortcuts switched
off one at a time (module merging, dominance, forest closure, fork solver), and every returned
execution order is replayed step by step and must attain the peak.
"""
import sys

import numpy as np
import pytest

from resource_models import schedule
from resource_models.graph import Graph
from resource_models.models import execution_order, peak_memory_usage
from resource_models.ops import Add, Conv2D, Dense, DWConv2D, Input, Pool

CONFIGS = [{}, dict(merge=False), dict(prune=False), dict(close=False), dict(forks=False),
           dict(merge=False, prune=False, close=False, forks=False)]


# --- oracles -----------------------------------------------------------------------------------------
class Model:
    """The memory model by explicit simulation over Python sets."""

    def __init__(self, g, exclude_weights, exclude_inputs):
        self.g = g
        self.outputs = set(g.outputs)
        self.esize = g.element_size
        self.counted = [t for t in g.tensors
                        if t.producer is not None or not (exclude_weights if t.is_weight else exclude_inputs)]

    def resident(self, done):
        return sum(t.size * self.esize for t in self.counted
                   if (t.producer is None or t.producer in done)
                   and (t in self.outputs or any(c not in done for c in t.consumers)))

    def step(self, done, op, resident=None):
        """Bytes in use while ``op`` runs after ``done`` (``resident``: ``self.resident(done)``)."""
        saving = 0
        if isinstance(op, Add):
            for t in set(op.inputs):
                if (t.producer is not None and t.shape == op.output.shape and t not in self.outputs
                        and [c for c in t.consumers if c not in done] == [op]):
                    saving = max(saving, t.size * self.esize)
        if resident is None:
            resident = self.resident(done)
        return resident + op.output.size * self.esize - saving

    def ready(self, done, op):
        return op not in done and all(t.producer is None or t.producer in done for t in op.inputs)

    def replay(self, order):
        done = set()
        peak = self.resident(done)
        for op in order:
            assert self.ready(done, op), f"{op.name} cannot run yet"
            peak = max(peak, self.step(done, op))
            done.add(op)
        assert done == set(self.g.operators)
        return peak

    def brute_force(self, limit=5000):
        """Least peak over all topological orders, or None when there are more than `limit`."""
        ops = self.g.operators
        best, count = [None], [0]

        def rec(done, peak):
            if len(done) == len(ops):
                count[0] += 1
                if count[0] > limit:
                    raise OverflowError
                best[0] = peak if best[0] is None else min(best[0], peak)
                return
            for op in ops:
                if self.ready(done, op):
                    cost = self.step(done, op)
                    done.add(op)
                    rec(done, max(peak, cost))
                    done.remove(op)

        try:
            rec(set(), self.resident(set()))
        except OverflowError:
            return None
        return best[0]

    def downset_dp(self):
        """Least peak by a DP over sets of executed operators."""
        ops = self.g.operators
        start = frozenset()
        best = {start: self.resident(set())}
        layer = [start]
        for _ in ops:
            nxt = {}
            for done in layer:
                resident = self.resident(done)
                for op in ops:
                    if self.ready(done, op):
                        cost = max(best[done], self.step(done, op, resident))
                        nd = done | {op}
                        if nd not in best or cost < best[nd]:
                            best[nd] = cost
                        nxt[nd] = True
            layer = list(nxt)
        return best[frozenset(ops)]


def check(g, exclude_weights, exclude_inputs, expected, configs=CONFIGS):
    model = Model(g, exclude_weights, exclude_inputs)
    for kw in configs:
        g._cache.clear()
        peak, order = schedule.optimal_schedule(g, exclude_weights, exclude_inputs, **kw)
        assert peak == expected, (kw, peak, expected)
        assert model.replay(order) == expected, kw
    g._cache.clear()
    assert peak_memory_usage(g, exclude_weights, exclude_inputs) == expected
    assert model.replay(execution_order(g, exclude_weights, exclude_inputs)) == expected


# --- random graphs -------------------------------------------------------------------------------------
def random_graph(rng, n_ops, p_out=0.15, p_dead=0.1):
    """A small random DAG: operators read uniformly chosen earlier tensors (so forks are common),
    Adds join 2-3 tensors of equal channels (equal shapes: in place possible; else zero-padded),
    Dense layers make 2-D tensors; leaves become outputs (a few stay dead ends) and some inner
    tensors are outputs too."""
    g = Graph(element_type=[np.uint8, np.int16][int(rng.integers(2))])
    with g.as_current():
        x = Input((1, int(rng.integers(3, 9)), int(rng.integers(3, 9)), int(rng.choice([2, 3]))))
        tensors = [x]

        def pick(pool):
            return pool[int(rng.integers(len(pool)))]

        for _ in range(n_ops):
            images = [t for t in tensors if len(t.shape) == 4]
            kind = rng.choice(["conv", "conv", "dw", "pool", "add", "add", "dense"])
            if kind == "add":
                groups = {}
                for t in images:
                    groups.setdefault(t.shape[-1], []).append(t)
                groups = [v for v in groups.values() if len(v) >= 2]
                if groups:
                    group = pick(groups)
                    k = min(len(group), int(rng.integers(2, 4)))
                    chosen = [group[i] for i in rng.choice(len(group), size=k, replace=False)]
                    tensors.append(Add(all_equal_shape=len({t.shape for t in chosen}) == 1)(chosen))
                    continue
                kind = "conv"
            if kind == "dense" or not images:
                src = pick(tensors)
                tensors.append(Dense(int(rng.integers(1, 6)), preflatten_input=len(src.shape) == 4,
                                     use_bias=bool(rng.integers(2)))(src))
            elif kind == "conv":
                src = pick(images)
                k = int(rng.choice([1, 3])) if min(src.shape[1:3]) >= 3 else 1
                tensors.append(Conv2D(int(rng.choice([2, 3])), k, stride=int(rng.choice([1, 1, 2])),
                                      padding=str(rng.choice(["same", "valid"])),
                                      use_bias=bool(rng.integers(2)))(src))
            elif kind == "dw":
                tensors.append(DWConv2D(3, stride=int(rng.choice([1, 2])))(pick(images)))
            else:
                tensors.append(Pool(2, type=str(rng.choice(["max", "avg"])))(pick(images)))
        leaves = [t for t in tensors[1:] if not t.consumers]
        for t in leaves:
            if t is leaves[-1] or rng.random() > p_dead:
                g.add_output(t)
        for t in tensors[1:]:
            if t.consumers and rng.random() < p_out:
                g.add_output(t)
    return g


def random_fork_join(rng, n_paths, max_len, max_channels=40):
    """One tensor read by n_paths chains of 1x1 convolutions, depthwise convolutions and pools,
    joined by an Add (equal or zero-padded shapes), then a Dense head: the shape of a group of
    parallel branches of the CNN search space, with random sizes."""
    g = Graph(np.uint8)
    sizes = (1, max_channels)
    with g.as_current():
        x = Input((1, 4, 4, 1))
        src = Conv2D(int(rng.integers(*sizes)), 1)(x)
        if rng.random() < 0.5:
            src = Conv2D(int(rng.integers(*sizes)), 1, padding="same")(src)
        channels = int(rng.integers(*sizes))
        ends = []
        for _ in range(n_paths):
            t = src
            for _ in range(int(rng.integers(1, max_len + 1))):
                r = rng.random()
                if r < 0.2 and t.shape[1] > 1:
                    t = Pool(2)(t)
                elif r < 0.3:
                    t = DWConv2D(3)(t)
                else:
                    t = Conv2D(int(rng.integers(*sizes)), 1)(t)
            if t.shape[-1] != channels:
                t = Conv2D(channels, 1)(t)
            ends.append(t)
        y = Add(all_equal_shape=len({t.shape for t in ends}) == 1)(ends)
        g.add_output(Dense(3, preflatten_input=True)(y))
    return g


# --- the tests -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", range(10))
def test_random_graphs_against_all_orders(seed):
    """50 random graphs of 2-9 operators per seed: the least peak over all topological orders."""
    rng = np.random.default_rng(seed)
    for _ in range(50):
        g = random_graph(rng, int(rng.integers(2, 10)))
        flags = bool(rng.integers(2)), bool(rng.integers(2))
        model = Model(g, *flags)
        expected = model.brute_force()
        if expected is None:                     # too many orders: the plain DP instead
            expected = model.downset_dp()
        check(g, *flags, expected)


@pytest.mark.parametrize("seed", range(3))
def test_larger_random_graphs_against_set_dp(seed):
    rng = np.random.default_rng(100 + seed)
    for _ in range(10):
        g = random_graph(rng, int(rng.integers(9, 14)))
        flags = bool(rng.integers(2)), bool(rng.integers(2))
        check(g, *flags, Model(g, *flags).downset_dp(), configs=CONFIGS[:5])


@pytest.mark.parametrize("seed", range(4))
def test_fork_joins_against_set_dp(seed):
    """Forks of 2-6 paths of 1-3 operators with tiny to large tensors."""
    rng = np.random.default_rng(200 + seed)
    for _ in range(25):
        g = random_fork_join(rng, int(rng.integers(2, 7)), 3, max_channels=int(rng.choice([4, 40, 300])))
        flags = bool(rng.integers(2)), bool(rng.integers(2))
        check(g, *flags, Model(g, *flags).downset_dp(), configs=[{}, dict(forks=False), dict(merge=False)])


def test_wide_fork_joins_against_set_dp():
    """Forks of 7-8 paths (the fork solver's domain): the plain DP over sets of operators, which
    scores every reachable set by replaying the memory model, agrees."""
    rng = np.random.default_rng(300)
    for _ in range(4):
        g = random_fork_join(rng, int(rng.integers(7, 9)), 2, max_channels=int(rng.choice([4, 40, 300])))
        check(g, True, True, Model(g, True, True).downset_dp(), configs=[{}, dict(forks=False)])


def test_graph_of_inputs_only_and_dead_ends():
    g = Graph(np.uint8)
    with g.as_current():
        x = Input((1, 3, 3, 2))
        g.add_output(x)
    assert peak_memory_usage(g) == 0
    assert peak_memory_usage(g, exclude_inputs=False) == 18
    assert execution_order(g) == []
    with g.as_current():
        Conv2D(4, 3)(x)                          # a dead end (1x1x4): resident only while it runs
        Pool(2)(Conv2D(2, 1)(x))                 # a dead end after an op whose output it frees
    check(g, True, False, Model(g, True, False).brute_force())
    assert peak_memory_usage(g, exclude_inputs=False) == 18 + 18 + 8
    check(g, True, True, 18 + 8)


def test_long_chain_needs_no_recursion():
    g = Graph(np.uint8)
    with g.as_current():
        t = Input((1, 8))
        for i in range(3 * sys.getrecursionlimit()):
            t = Dense(8 + i % 5)(t)
        g.add_output(t)
    sizes = [8 + i % 5 for i in range(3 * sys.getrecursionlimit())]
    assert peak_memory_usage(g) == max(a + b for a, b in zip(sizes, sizes[1:]))
    assert execution_order(g) == g.operators


def test_exchange_lemma():
    """(E) of resource_models.schedule: the higher-priority job first never costs more."""
    rng = np.random.default_rng(1)
    for _ in range(20000):
        a, b = [(int(h), int(d)) for h, d in rng.integers(-20, 40, size=(2, 2))]
        a, b = (max(a), a[1]), (max(b), b[1])           # a job's rise is at least its net change
        cost_ab = max(a[0], a[1] + b[0])
        cost_ba = max(b[0], b[1] + a[0])
        if schedule._priority(*a) >= schedule._priority(*b):
            assert cost_ab <= cost_ba, (a, b)


def _fork_width(g):
    return max([len(t.consumers) for t in g.tensors if t.producer is not None] + [1])


def test_cnn_space_graphs_against_set_dp():
    """Random architectures of the CNN search space (when the cnn package is present) whose groups
    have two to five parallel paths: the plain DP over sets of operators agrees."""
    import cnn
    rng = np.random.default_rng(7)
    for shape in [(28, 28, 1), (32, 32, 3), (49, 40, 1)]:
        space = cnn.CnnSearchSpace()
        space.input_shape, space.num_classes = shape, 10
        checked = 0
        while checked < 15:
            g = space.to_resource_graph(space.random_architecture(rng))
            if not 2 <= _fork_width(g) <= 5:
                continue
            check(g, True, True, Model(g, True, True).downset_dp(), configs=[{}, dict(forks=False)])
            checked += 1


def _downsets(g):
    """How many sets of operators closed under predecessors a fork-join has: the product over its
    paths of (length + 1), bounding the work of ``Model.downset_dp``."""
    total = 1
    for first in g.inputs[0].consumers:
        n, op = 0, first
        while not isinstance(op, Add):
            n += 1
            op = op.output.consumers[0]
        total *= n + 1
    return total


def ten_path_fork(rng, n_paths=10):
    """The graph input (counted: exclude_inputs=False makes it the fork) read by n_paths paths of
    3-4 convolutions, depthwise convolutions and pools of random widths, joined by an Add."""
    g = Graph(np.uint8)
    with g.as_current():
        x = Input((1, 8, 8, int(rng.integers(1, 8))))
        channels = int(rng.integers(2, 40))
        ends = []
        for _ in range(n_paths):
            t = x
            for _ in range(int(rng.integers(3, 5))):
                r = rng.random()
                if r < 0.2 and t.shape[1] > 2:
                    t = Pool(2)(t)
                elif r < 0.4:
                    t = DWConv2D(3)(t)
                else:
                    t = Conv2D(int(rng.integers(1, 64)), 1)(t)
            ends.append(Conv2D(channels, 1)(t) if t.shape[-1] != channels else t)
        y = Add(all_equal_shape=len({t.shape for t in ends}) == 1)(ends)
        g.add_output(Dense(4, preflatten_input=True)(y))
    return g


@pytest.mark.parametrize("limit", [0, 10 ** 9])
def test_fork_solver_matches_enumeration_of_cuts(limit, monkeypatch):
    """The fork solver's search, with its cut filter (limit 0: straight to it) or without, finds
    the least peak over all cut vectors of forks of 3-10 paths; on the whole graph, the search with
    and without the solver agrees with the plain DP over sets of operators (independent replay)
    wherever that DP is small enough to run."""
    import itertools
    monkeypatch.setattr(schedule, "FORK_NODE_LIMIT", limit)
    outcomes = []
    filter_cuts = schedule._Fork._filter

    def recording_filter(self, incumbent):
        live = filter_cuts(self, incumbent)
        outcomes.append(live is not None)
        return live

    monkeypatch.setattr(schedule._Fork, "_filter", recording_filter)
    rng = np.random.default_rng(400)
    tried = dp_checked = 0
    while tried < 80:
        g = ten_path_fork(rng, int(rng.integers(3, 11)))
        p = schedule._Problem(g, True, False)
        add = next(i for i, op in enumerate(p.ops) if isinstance(op, Add))
        fork = next(k for k in p.shared_ids if p.pbit[k] == 0)
        solver = schedule._Fork(p, 0, p.alive0, p.anc[add], fork)
        assert solver.ok
        sizes = [len(opts) for opts in solver.paths]
        if np.prod(sizes) > 5000:
            continue
        tried += 1
        least = min(solver._cost(list(c))[0] for c in itertools.product(*map(range, sizes)))
        assert solver.solve()[0] == least
        if tried % 3 == 0 and _downsets(g) <= 2000:
            check(g, True, False, Model(g, True, False).downset_dp(),
                  configs=[{}, dict(forks=False)])
            dp_checked += 1
    assert dp_checked >= 5
    if limit == 0:       # the filter both proved incumbents optimal and left cuts to search
        assert True in outcomes and False in outcomes
