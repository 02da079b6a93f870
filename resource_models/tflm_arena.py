"""TensorFlow Lite Micro's whole arena for a model: head, tail, total and the smallest arena.

The head is the greedy memory plan of activations and kernel scratch buffers
(:mod:`resource_models.tflite_planner`). The tail is everything TFLM allocates persistently,
downwards from the arena's end, each allocation aligned down to its struct's alignment
(SingleArenaBufferAllocator::AllocatePersistentBuffer), in this order (micro_allocator.cc,
micro_interpreter.cc, recording_micro_allocator.cc):

1. the allocators themselves: RecordingSingleArenaBufferAllocator, GreedyMemoryPlanner,
   RecordingMicroAllocator (the recording allocator is what both the wheel and the firmware
   harness measure with);
2. StartModelAllocation: MicroBuiltinDataAllocator, SubgraphAllocations, one TfLiteEvalTensor per
   tensor, one NodeAndRegistration per operator;
3. each operator's builtin parameters (its TfLite*Params struct, parse step), in stored order;
4. each kernel's Init (its OpData, 16-byte aligned), in stored order;
5. each kernel's Prepare: persistent buffers (per-channel multipliers and shifts, LUTs), 16-byte
   aligned, in stored order; scratch requests go to the head;
6. FinishModelAllocation: one ScratchBufferHandle per scratch request; variable tensors
   (16-byte aligned) unless an offline plan places them;
7. the interpreter's input and output TfLiteTensor pointer arrays (16-byte aligned), and per
   input/output a persistent TfLiteTensor plus, if quantised, its TfLiteAffineQuantization and
   zero-point TfLiteIntArray.

The arena's start and end are taken 16-byte aligned (an ``alignas(16)`` array of a multiple of 16
bytes; the wheel's ``new uint8_t[]`` with such a size). The smallest arena is the total rounded up
to 16, unless planning needs more: while TFLM plans, the head holds the scratch requests, the
AllocationInfo array and the planner's own per-buffer records, with the tail as it is before
step 7 (see :func:`min_arena_bytes`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple

from .tflite_planner import ALIGNMENT, align_up
from .tflm_kernels import KernelCost, kernel_cost
from .tflm_targets import KERNEL_SETS, TARGETS, Target


@dataclass
class ArenaFigures:
    target: str
    kernels: str
    head_bytes: int
    tail_bytes: int
    total_bytes: int
    min_arena_bytes: int
    measured_target: bool     # False: this runtime's figures are predicted from TFLM's source only


def _align(n: int, alignment: int) -> int:
    return (n + alignment - 1) // alignment * alignment


class _Tail:
    """Bytes used from the (16-byte aligned) arena end, allocation by allocation."""

    def __init__(self):
        self.used = 0

    def take(self, size: int, alignment: int) -> None:
        self.used = _align(self.used + size, alignment)


def _target(target) -> Target:
    if isinstance(target, Target):
        return target
    try:
        return TARGETS[target]
    except KeyError:
        raise ValueError(f"unknown target {target!r} (known: {', '.join(TARGETS)})") from None


def kernel_costs(model, target, kernels: str = "reference") -> List[KernelCost]:
    """What each operator's kernel allocates, in stored order (raises TfliteModelError for an
    operator whose kernel is not modelled for this target and kernel set)."""
    target = _target(target)
    if kernels not in KERNEL_SETS:
        raise ValueError(f"unknown kernel set {kernels!r} (known: {', '.join(KERNEL_SETS)})")
    return [kernel_cost(model, op, target, kernels) for op in model.operators]


def tail_bytes(model, target="x86-64", kernels: str = "reference",
               costs: Optional[List[KernelCost]] = None) -> Tuple[int, int]:
    """(tail after AllocateTensors, tail while the memory plan is made)."""
    target = _target(target)
    costs = kernel_costs(model, target, kernels) if costs is None else costs
    s = target.structs
    tail = _Tail()
    for name in ("RecordingSingleArenaBufferAllocator", "GreedyMemoryPlanner",
                 "RecordingMicroAllocator", "MicroBuiltinDataAllocator", "SubgraphAllocations"):
        tail.take(*s[name])
    size, align = s["TfLiteEvalTensor"]
    tail.take(size * len(model.tensors), align)
    size, align = s["NodeAndRegistration"]
    tail.take(size * len(model.operators), align)
    for cost in costs:
        if cost.params is not None:
            tail.take(*cost.params)
    for cost in costs:
        if cost.init is not None:
            tail.take(cost.init, ALIGNMENT)
    for cost in costs:
        for size in cost.persistent:
            tail.take(size, ALIGNMENT)
    requests = sum(len(cost.scratch) for cost in costs)
    if requests:
        size, align = s["ScratchBufferHandle"]
        tail.take(size * requests, align)
    offline = model.offline_offsets
    for t, tensor in enumerate(model.tensors):
        if tensor.variable and (offline is None or offline[t] < 0):
            tail.take(tensor.elements * _element_bytes(tensor), ALIGNMENT)
    planning = tail.used
    pointer = s["pointer"][0]
    for tensors in (model.inputs, model.outputs):
        tail.take(pointer * len(tensors), ALIGNMENT)
        for t in tensors:
            tail.take(*s["TfLiteTensor"])
            channels = model.tensors[t].quant_channels
            if channels:
                tail.take(*s["TfLiteAffineQuantization"])
                tail.take(4 + 4 * channels, s["TfLiteIntArray"][1])
    return tail.used, planning


def _element_bytes(tensor) -> int:
    from .tflite import ELEMENT_BYTES

    return ELEMENT_BYTES[tensor.dtype]


def arena_figures(model, target="x86-64", kernels: str = "reference") -> ArenaFigures:
    """Head, tail, total and smallest arena of ``model`` (stored order, its own offline plan)."""
    target = _target(target)
    costs = kernel_costs(model, target, kernels)
    planned = model.with_scratch([cost.scratch for cost in costs])
    head = planned.memory().arena_head_bytes
    tail, planning_tail = tail_bytes(model, target, kernels, costs)
    buffers = len(planned.buffers())
    total = head + tail
    return ArenaFigures(target.name, kernels, head, tail, total,
                        min_arena_bytes(head, tail, planning_tail, buffers,
                                        sum(len(c.scratch) for c in costs), len(model.tensors),
                                        target),
                        target.measured and kernels == "reference")


def min_arena_bytes(head: int, tail: int, planning_tail: int, buffers: int, requests: int,
                    tensors: int, target: Target) -> int:
    """The smallest 16-byte multiple that runs: the final layout must fit, and so must the
    planning step (CommitStaticMemoryPlan): the scratch-request array, the AllocationInfo array
    (one per tensor and scratch request) and the greedy planner's per-buffer records, all in the
    head at once, against the tail as it is before the input and output tensors are allocated."""
    s = target.structs
    request_size, request_align = s["ScratchBufferRequest"]
    info_size, info_align = s["AllocationInfo"]
    kmax = 12                                     # kMaxScratchBuffersPerOp
    planning = _align(request_size * (requests + kmax), request_align)
    planning = _align(planning, info_align) + info_size * (tensors + requests)
    planning = _align(planning, ALIGNMENT) + _planner_bytes(target) * buffers
    return align_up(max(head + tail, planning + planning_tail))


def _planner_bytes(target: Target) -> int:
    """GreedyMemoryPlanner::per_buffer_size(): BufferRequirements (size, offline offset, first
    and last use: 4 ints), three ints (sorted sizes, sorted ids, offsets) and a ListEntry (offset,
    requirements index, next entry index: 3 ints)."""
    return 4 * 4 + 3 * 4 + 3 * 4
