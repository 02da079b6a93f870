"""TensorFlow Lite Micro's memory planning, modelled exactly, for any operator order.

TFLM gives every non-constant tensor a lifetime in "allocation scopes" (scope 0: the subgraph's
inputs appear; scope i+1: the i-th executed operator creates its outputs, reads its inputs and uses
its scratch buffers; the last scope keeps the subgraph's outputs), rounds every buffer up to 16
bytes and hands them to its GreedyMemoryPlanner: offline-planned buffers first at their fixed
offsets, then the others from the largest down (a stable bubble sort over the buffers in *reverse*
order of their index), each at the lowest offset where it fits between the buffers already placed
whose lifetimes overlap its own. The arena's head is the end of the highest buffer. Modelling those
rules (micro_allocation_info.cc, greedy_memory_planner.cc) lets the prediction equal TFLM's
measurement, including the cases where the greedy layout exceeds the theoretical peak.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence

ALIGNMENT = 16          # MicroArenaBufferAlignment()
ONLINE = -1             # kOnlinePlannedBuffer in an OfflineMemoryAllocation plan


def align_up(n: int, alignment: int = ALIGNMENT) -> int:
    return (n + alignment - 1) // alignment * alignment


@dataclass(frozen=True)
class Buffer:
    """One buffer that TFLM plans: a tensor (``tensor`` >= 0) or a kernel's scratch buffer."""
    size: int                 # already rounded up to 16 bytes
    first: int                # first allocation scope in which it is live
    last: int                 # last allocation scope in which it is live
    tensor: int = -1          # tensor index, or -1 for a scratch buffer
    op: int = -1              # for a scratch buffer: the stored index of the operator that asked
    offline_offset: int = ONLINE


def lifetimes(graph, order: Sequence[int], offline: Optional[Sequence[int]] = None) -> List[Buffer]:
    """The buffers TFLM's planner receives when ``graph``'s operators run in ``order`` (stored
    operator indices), in the order TFLM adds them: tensors by index, then scratch buffers in
    request order (operators prepare in execution order). ``offline``: per-tensor offsets of an
    OfflineMemoryAllocation plan (-1 = planned online)."""
    n = len(graph.tensors)
    first = [-1] * n
    last = [-1] * n
    for t in graph.inputs:
        if first[t] == -1:
            first[t] = 0
        last[t] = 0
    scratch = []
    for step, op_index in enumerate(order):
        scope = step + 1
        op = graph.operators[op_index]
        for t in op.outputs:
            if first[t] == -1:
                first[t] = scope
        for t in op.inputs:
            if t >= 0:
                last[t] = scope
        for t in op.outputs:
            last[t] = scope
        scratch.extend(Buffer(align_up(b), scope, scope, -1, op_index) for b in op.scratch_bytes)
    end = len(order)
    for t in graph.outputs:
        if first[t] == -1:
            first[t] = end
        last[t] = end
    buffers = []
    for t, tensor in enumerate(graph.tensors):
        offset = ONLINE if offline is None else int(offline[t])
        needs = tensor.needs_allocating or (tensor.variable and offset != ONLINE)
        if needs:
            buffers.append(Buffer(align_up(tensor.nbytes), first[t], last[t], t, -1, offset))
    return buffers + scratch


def greedy_plan(buffers: Sequence[Buffer]) -> List[int]:
    """Offsets that TFLM's GreedyMemoryPlanner gives ``buffers`` (in the order they were added)."""
    count = len(buffers)
    if count == 0:
        return []
    offsets = [-1] * count
    ids_head, ids_tail = [], []
    for i, b in enumerate(buffers):
        if b.offline_offset == ONLINE:
            ids_tail.append(i)              # filled from the tail: reversed index order
        else:
            ids_head.append(i)
            offsets[i] = b.offline_offset
    ids_tail.reverse()
    # ReverseSortInPlace: a bubble sort that swaps only strictly smaller before larger (stable).
    ids_tail.sort(key=lambda i: -buffers[i].size)
    sorted_ids = ids_head + ids_tail

    placed: List[tuple] = []                # (offset, buffer id), ordered by offset (ties: FIFO)
    first_id = sorted_ids[0]
    if buffers[first_id].offline_offset == ONLINE:
        offsets[first_id] = 0
    placed.append((offsets[first_id], first_id))
    for buffer_id in sorted_ids[1:]:
        want = buffers[buffer_id]
        if want.offline_offset == ONLINE:
            candidate = 0
            for offset, other_id in placed:
                other = buffers[other_id]
                if other.first > want.last or want.first > other.last:
                    continue
                if offset - candidate >= want.size:
                    break
                candidate = max(candidate, offset + other.size)
        else:
            candidate = want.offline_offset
        offsets[buffer_id] = candidate
        _insert(placed, candidate, buffer_id)
    return offsets


def _insert(placed: list, offset: int, buffer_id: int) -> None:
    """Insert as TFLM's offset-ordered linked list does: before the first entry if strictly lower
    than it, else after the last entry whose offset is <= ``offset``."""
    if placed[0][0] > offset:
        placed.insert(0, (offset, buffer_id))
        return
    position = 1
    while position < len(placed) and placed[position][0] <= offset:
        position += 1
    placed.insert(position, (offset, buffer_id))


def arena_head(buffers: Sequence[Buffer], offsets: Optional[Sequence[int]] = None) -> int:
    """The head TFLM reserves: the end of the highest planned buffer."""
    if offsets is None:
        offsets = greedy_plan(buffers)
    return max((o + b.size for o, b in zip(offsets, buffers)), default=0)


def theoretical_peak(buffers: Sequence[Buffer]) -> int:
    """The largest total size of buffers live in one allocation scope: no placement can use less."""
    events = sorted({b.first for b in buffers})
    return max((sum(b.size for b in buffers if b.first <= t <= b.last) for t in events), default=0)
