"""The operator order (and, where needed, the offline memory plan) that minimises TFLM's arena.

Two searches. A dynamic programme over the sets of operators already executed gives, for every
such set, the least theoretical peak with which the rest of the graph can still run: the exact
optimum of the theoretical peak, and a lower bound on the real head of any order that extends a
prefix (the greedy planner can never use less than the theoretical peak). A branch-and-bound over
topological orders then evaluates TFLM's greedy planner on complete orders, pruning every prefix
whose bound cannot beat the best head found; it stops after ``max_orders`` complete orders (the
result then says the search was cut short). Where the best head still exceeds the least
theoretical peak, buffers are packed at fixed offsets (first fit over several buffer orderings)
and written as an offline plan when that lowers the head TFLM will lay out.
"""
from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import List, Optional, Sequence

from .tflite_planner import ONLINE, arena_head, greedy_plan, lifetimes, theoretical_peak
from .tflite_rewrite import reorder_operators, with_offline_plan

MAX_STATES = 200_000


@dataclass
class Optimised:
    order: List[int]
    arena_head_bytes: int             # what TFLM lays out for the written model
    theoretical_peak_bytes: int       # theoretical peak of ``order``
    least_theoretical_peak_bytes: Optional[int]   # over all orders (None: too many to search)
    offline_plan: bool
    offline_offsets: Optional[List[int]]
    search: str                       # how the order was found, for reports
    flatbuffer: bytes
    online_arena_head_bytes: int = 0  # TFLM's head for the best order without an offline plan


class _Scheduler:
    """Memory of each step given the set of operators already run (bit masks)."""

    def __init__(self, model):
        self.model = model
        n = len(model.operators)
        self.full = (1 << n) - 1
        preds = model.predecessors()
        self.pred_mask = [sum(1 << p for p in ps) for ps in preds]
        made_by = model.producers()
        self.items = []              # (size, producer bit or 0 for graph inputs, consumer mask, kept)
        outputs = set(model.outputs)
        buffers = lifetimes(model, model.stored_order, [ONLINE] * len(model.tensors))
        sizes = {b.tensor: b.size for b in buffers if b.tensor >= 0}
        for t, size in sizes.items():
            consumers = sum(1 << op.index for op in model.operators if t in op.inputs)
            producer = 1 << made_by[t] if t in made_by else 0
            self.items.append((size, producer, consumers, t in outputs))
        self.scratch = [0] * n
        for b in buffers:
            if b.tensor < 0:
                self.scratch[b.op] += b.size
        self.memo = {}

    def step_memory(self, done: int, op: int) -> int:
        after = done | (1 << op)
        bit = 1 << op
        total = self.scratch[op]
        for size, producer, consumers, kept in self.items:
            if producer and not producer & after:
                continue                                  # not yet written
            if producer == bit or consumers & bit or consumers & ~after or kept:
                total += size
        return total

    def least_peak(self, done: int = 0) -> int:
        """The least peak with which the operators outside ``done`` can still run."""
        if done == self.full:
            return 0
        cached = self.memo.get(done)
        if cached is not None:
            return cached
        if len(self.memo) > MAX_STATES:
            raise _TooLarge
        best = None
        for op in range(len(self.pred_mask)):
            if not done >> op & 1 and self.pred_mask[op] & done == self.pred_mask[op]:
                value = max(self.step_memory(done, op), self.least_peak(done | 1 << op))
                if best is None or value < best:
                    best = value
        self.memo[done] = best
        return best

    def ready(self, done: int) -> List[int]:
        return [op for op in range(len(self.pred_mask))
                if not done >> op & 1 and self.pred_mask[op] & done == self.pred_mask[op]]


class _TooLarge(Exception):
    pass


def _online(model):
    return [ONLINE] * len(model.tensors)


def best_order(model, max_orders: int = 5_000, time_limit: float = 10.0):
    """(order, head, theoretical peak, least theoretical peak or None, description). The search
    stops after ``max_orders`` complete orders or ``time_limit`` seconds (then it says so)."""
    online = _online(model)

    def evaluate(order):
        buffers = lifetimes(model, order, online)
        return arena_head(buffers, greedy_plan(buffers)), theoretical_peak(buffers)

    stored = model.stored_order
    best = [evaluate(stored), stored]
    sched = _Scheduler(model)
    try:
        least = sched.least_peak(0)
    except _TooLarge:
        return stored, best[0][0], best[0][1], None, "stored order kept: too many partial orders"
    evaluated = [0]
    deadline = time.monotonic() + time_limit
    if best[0][0] == least:
        return stored, best[0][0], best[0][1], least, \
            "stored order kept: its head already equals the least theoretical peak"

    def search(done: int, order: List[int], peak: int) -> bool:
        if done == sched.full:
            evaluated[0] += 1
            key = evaluate(order)
            if key < best[0]:
                best[0], best[1] = key, list(order)
            return (evaluated[0] < max_orders and best[0][0] > least
                    and time.monotonic() < deadline)
        options = []
        for op in sched.ready(done):
            step_peak = max(peak, sched.step_memory(done, op))
            bound = max(step_peak, sched.least_peak(done | 1 << op))
            if bound <= best[0][0]:
                options.append((bound, op, step_peak))
        for bound, op, step_peak in sorted(options):
            if bound > best[0][0]:
                continue
            order.append(op)
            going = search(done | 1 << op, order, step_peak)
            order.pop()
            if not going:
                return False
        return True

    complete = search(0, [], 0)
    if best[0][0] == least:
        how = (f"optimal: head equals the least theoretical peak ({evaluated[0]} complete orders "
               "evaluated)")
    elif complete:
        how = f"exhaustive branch and bound, {evaluated[0]} complete orders evaluated"
    else:
        how = f"search stopped after {evaluated[0]} complete orders (best found, not proven)"
    (head, peak), order = best
    return order, head, peak, least, how


def pack_offline(model, order: Sequence[int], tries: int = 400, seed: int = 0):
    """Per-tensor offsets (a first-fit packing) that lower TFLM's head under ``order`` the most,
    and that head; ``None`` when no packing beats the greedy planner."""
    online = _online(model)
    buffers = lifetimes(model, order, online)
    target = theoretical_peak(buffers)
    greedy_head = arena_head(buffers, greedy_plan(buffers))
    tensors = [i for i, b in enumerate(buffers) if b.tensor >= 0]
    rng = random.Random(seed)
    orderings = [
        sorted(tensors, key=lambda i: (-buffers[i].size, buffers[i].first)),
        sorted(tensors, key=lambda i: (buffers[i].first, -buffers[i].size)),
        sorted(tensors, key=lambda i: (-(buffers[i].last - buffers[i].first), -buffers[i].size)),
        sorted(tensors, key=lambda i: (-buffers[i].size * (buffers[i].last - buffers[i].first + 1))),
    ]
    best = None
    for attempt in range(tries):
        if attempt < len(orderings):
            ids = orderings[attempt]
        else:
            ids = list(tensors)
            rng.shuffle(ids)
            ids.sort(key=lambda i: -buffers[i].size // (1 + rng.randrange(4)))
        offline = list(online)
        placed = []
        for i in ids:
            b = buffers[i]
            live = sorted((o, o + buffers[j].size) for o, j in placed
                          if not (buffers[j].first > b.last or b.first > buffers[j].last))
            offset = 0
            for start, end in live:
                if start - offset >= b.size:
                    break
                offset = max(offset, end)
            placed.append((offset, i))
            offline[b.tensor] = offset
        planned = lifetimes(model, order, offline)
        head = arena_head(planned, greedy_plan(planned))
        if best is None or head < best[1]:
            best = (offline, head)
        if head <= target:
            break
    if best is None or best[1] >= greedy_head:
        return None
    return best


def optimise(model, max_orders: int = 5_000, time_limit: float = 10.0) -> Optimised:
    """The operator order (and offline plan, where it helps) with the least TFLM arena head, and
    the rewritten flatbuffer. Keeps the model as it is when nothing beats it."""
    stored = model.memory()
    if model.offline_offsets is not None:
        try:
            least = _Scheduler(model).least_peak(0)
        except _TooLarge:
            least = None
        if stored.arena_head_bytes == least:
            return Optimised(model.stored_order, stored.arena_head_bytes,
                             stored.theoretical_peak_bytes, least, True, model.offline_offsets,
                             "the model's own order and offline plan already reach the least "
                             "theoretical peak", model.data, stored.arena_head_bytes)
    order, head, peak, least, how = best_order(model, max_orders, time_limit)
    online_head = head
    offline = None
    if least is None or head > least:
        candidates = [order]
        if least is not None and peak > least:
            candidates.append(_least_peak_order(model))
        for candidate in candidates:
            packed = pack_offline(model, candidate)
            if packed is not None and packed[1] < head:
                offline, head, order = packed[0], packed[1], list(candidate)
                peak = theoretical_peak(lifetimes(model, order, offline))
    if model.offline_offsets is not None and offline is None:
        # the model's own plan only fits its stored order: keep both unless beaten
        if stored.arena_head_bytes <= head:
            return Optimised(model.stored_order, stored.arena_head_bytes,
                             stored.theoretical_peak_bytes, least, True, model.offline_offsets,
                             how + "; the model's own offline plan kept", model.data, online_head)
        offline = _online(model)
    if stored.arena_head_bytes <= head and offline is None:
        order = model.stored_order
        head, peak = stored.arena_head_bytes, stored.theoretical_peak_bytes
    if least is not None and offline is not None and head == least:
        how += "; with the offline plan the head equals the least theoretical peak (optimal)"
    data = model.data
    if order != model.stored_order:
        data = reorder_operators(data, order)
    if offline is not None:
        data = with_offline_plan(data, offline)
    return Optimised(order, head, peak, least, offline is not None and any(o != ONLINE for o in offline),
                     offline, how, data, online_head)


def _least_peak_order(model) -> List[int]:
    """An order that attains the least theoretical peak (follows the dynamic programme)."""
    sched = _Scheduler(model)
    target = sched.least_peak(0)
    done, order, peak = 0, [], 0
    while done != sched.full:
        for op in sched.ready(done):
            step = max(peak, sched.step_memory(done, op))
            if max(step, sched.least_peak(done | 1 << op)) <= target:
                order.append(op)
                done |= 1 << op
                peak = step
                break
    return order
