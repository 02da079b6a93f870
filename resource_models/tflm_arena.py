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
from typing import List, Optional

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


class _Arena:
    """TFLM's SingleArenaBufferAllocator, replayed: the tail grows down from the arena's end, the
    head (the scratch-request region, then temporary allocations) up from its start (16-byte
    aligned). ``end`` is the end's address modulo 16 (the arena size modulo 16): each tail
    allocation is aligned down from there. ``needed`` is the least arena size in which every
    allocation so far succeeded."""

    def __init__(self, end: int = 0):
        self.end = end
        self.low = end         # address (relative to a 16-byte boundary) of the tail's start
        self.head = 0          # end of the resizable region (head_)
        self.temp = 0          # end of the temporary allocations (temp_)
        self.guard = 0         # end of the last temporary struct a persistent buffer must spare
        self.needed = 0

    @property
    def tail(self) -> int:
        """Bytes used from the arena's end."""
        return self.end - self.low

    def _need(self, n: int) -> None:
        self.needed = max(self.needed, n)

    def persistent(self, size: int, alignment: int) -> None:
        self.low = (self.low - size) // alignment * alignment
        # TFLM checks the tail against head_ only. A persistent buffer written over a live
        # temporary's pointers corrupts what TFLM frees it by, and AllocateTensors fails ("All
        # temp buffers must be freed", or a crash); over bytes that are not read again (a trailing
        # zero-point array, a quantized dimension) it does no harm (measured: both happen).
        self._need(max(self.head, self.guard) + self.tail)

    def temporary(self, size: int, alignment: int, guarded: Optional[int] = None) -> None:
        """``guarded``: how many leading bytes a persistent buffer must not overwrite while the
        temporaries live (default: all of them)."""
        start = _align(self.temp, alignment)
        self.temp = start + size
        guarded = size if guarded is None else guarded
        if guarded:
            self.guard = max(self.guard, start + guarded)
        self._need(self.temp + self.tail)

    def planner(self, size: int) -> None:
        """The greedy planner gets the memory between the 16-aligned temp end and the 16-aligned
        tail start (GetAvailableMemory) and needs ``size`` bytes of it."""
        self._need(_align(self.temp, ALIGNMENT) + size + self.end
                   - self.low // ALIGNMENT * ALIGNMENT)

    def resize(self, size: int) -> None:               # ResizeBuffer / ReserveNonPersistent...
        self.head = self.temp = self.guard = size
        self._need(self.head + self.tail)


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


def replay(model, target="x86-64", kernels: str = "reference",
           costs: Optional[List[KernelCost]] = None, head: Optional[int] = None,
           end: int = 0) -> _Arena:
    """Replays AllocateTensors' allocations (the tail exactly; the head's temporary use during
    Prepare and planning) and returns the arena state after it. ``head``: the planned head
    (computed when not given); ``end``: the arena size modulo 16."""
    target = _target(target)
    costs = kernel_costs(model, target, kernels) if costs is None else costs
    s = target.structs
    arena = _Arena(end)
    for name in ("RecordingSingleArenaBufferAllocator", "GreedyMemoryPlanner",
                 "RecordingMicroAllocator", "MicroBuiltinDataAllocator"):
        arena.persistent(*s[name])
    request_size, request_align = s["ScratchBufferRequest"]
    arena.resize(_align(request_size * MAX_SCRATCH_PER_OP, request_align))
    arena.persistent(*s["SubgraphAllocations"])
    size, align = s["TfLiteEvalTensor"]
    arena.persistent(size * len(model.tensors), align)
    size, align = s["NodeAndRegistration"]
    arena.persistent(size * len(model.operators), align)
    for cost in costs:
        if cost.params is not None:
            arena.persistent(*cost.params)
    for cost in costs:
        if cost.init is not None:
            arena.persistent(cost.init, ALIGNMENT)
    requests = 0
    for cost in costs:
        for kind, value in cost.events:
            if kind == "T":
                _temporary_tensor(arena, model.tensors[value], s)
            elif kind == "P":
                arena.persistent(value, ALIGNMENT)
            else:
                requests += 1
        arena.resize(_align(request_size * (requests + MAX_SCRATCH_PER_OP), request_align))
    if requests:
        size, align = s["ScratchBufferHandle"]
        arena.persistent(size * requests, align)
    arena.temporary(target.pointer_bytes, target.pointer_bytes)      # subgraph offsets
    size, align = s["AllocationInfo"]
    arena.temporary(size * (len(model.tensors) + requests), align)
    offline = model.offline_offsets
    for t, tensor in enumerate(model.tensors):
        if tensor.variable and (offline is None or offline[t] < 0):
            arena.persistent(tensor.elements * _element_bytes(tensor), ALIGNMENT)
    planned = model.with_scratch([cost.scratch for cost in costs])
    buffers = len(planned.buffers())
    arena.planner(_planner_bytes(target) * buffers)    # per_buffer_size() per planned buffer
    arena.head_bytes = planned.memory().arena_head_bytes if head is None else head
    arena.resize(arena.head_bytes)                   # ReserveNonPersistentOverlayMemory
    pointer = s["pointer"][0]
    for tensors in (model.inputs, model.outputs):
        arena.persistent(pointer * len(tensors), ALIGNMENT)
        for t in tensors:
            arena.persistent(*s["TfLiteTensor"])
            channels = model.tensors[t].quant_channels
            if channels:
                arena.persistent(*s["TfLiteAffineQuantization"])
                arena.persistent(4 + 4 * channels, s["TfLiteIntArray"][1])
    return arena


def _temporary_tensor(arena: _Arena, tensor, s) -> None:
    """AllocateTempTfLiteTensor: the struct, and for a quantised tensor its quantisation."""
    arena.temporary(*s["TfLiteTensor"])
    if tensor.quant_channels:
        # DeallocateTempTfLiteTensor frees by the scale and zero_point pointers (the first two
        # fields); the quantized dimension after them and the zero-point array are not read again
        size, align = s["TfLiteAffineQuantization"]
        arena.temporary(size, align, guarded=2 * s["pointer"][0])
        arena.temporary(4 + 4 * tensor.quant_channels, s["TfLiteIntArray"][1], guarded=0)


def tail_bytes(model, target="x86-64", kernels: str = "reference") -> int:
    return replay(model, target, kernels, head=0).tail


def _element_bytes(tensor) -> int:
    from .tflite import ELEMENT_BYTES

    return ELEMENT_BYTES[tensor.dtype]


def arena_figures(model, target="x86-64", kernels: str = "reference") -> ArenaFigures:
    """Head, tail, total (an arena whose size is a multiple of 16) and the smallest arena size
    that runs ``model`` (stored order, its own offline plan), from a 16-byte aligned start."""
    target = _target(target)
    costs = kernel_costs(model, target, kernels)
    arena = replay(model, target, kernels, costs)
    head = arena.head_bytes
    smallest = None
    for end in range(ALIGNMENT):            # the arena size's residue decides the tail's padding
        needed = replay(model, target, kernels, costs, head, end).needed
        size = needed + (end - needed) % ALIGNMENT
        smallest = size if smallest is None else min(smallest, size)
    return ArenaFigures(target.name, kernels, head, arena.tail, head + arena.tail, smallest,
                        target.measured)


MAX_SCRATCH_PER_OP = 12                 # kMaxScratchBuffersPerOp


def _planner_bytes(target: Target) -> int:
    """GreedyMemoryPlanner::per_buffer_size(): BufferRequirements (size, offline offset, first
    and last use: 4 ints), three ints (sorted sizes, sorted ids, offsets) and a ListEntry (offset,
    requirements index, next entry index: 3 ints)."""
    return 4 * 4 + 3 * 4 + 3 * 4
