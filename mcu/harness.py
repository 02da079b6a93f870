"""Measures a .tflite on the Cortex-M4: builds its firmware, runs it in QEMU, and returns what the
target pays (see :class:`Measurement` for the meaning of every figure).

One QEMU run prepares the model in all the RAM left, times ``repeats`` invokes after ``warmup``
ones, reads the RecordingMicroAllocator's head/tail/total, computes the outputs of the given
samples and reads the stack's high-water mark; then the smallest arena that prepares the model is
found by bisection on bytes, one short run per probe (about ten), and confirmed by an invoke.
"""
from __future__ import annotations

import re
import statistics
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from resource_models.tflite import TfliteModelError, flatbuffer_bytes

from .errors import McuError
from .firmware import build_firmware
from .library import check_kernels, ensure_library
from .toolchain import check_toolchain
from .qemu import EXIT_MEANINGS, INSTRUCTIONS_PER_TICK, DEFAULT_TIMEOUT_S, Job, run_firmware
from .reference import model_io, seeded_inputs, x86_arena, x86_outputs

TARGET = "cortex-m4"
BOARD = "QEMU mps2-an386 (Cortex-M4F, 4 MiB code SSRAM at 0x0, 4 MiB RAM at 0x20000000)"


@dataclass
class Measurement:
    """A model's figures on the Cortex-M4 firmware (bytes unless named otherwise).

    arena_head_bytes   TFLM's non-persistent (head) arena use: planned activations + scratch buffers
    arena_tail_bytes   persistent (tail) use on the 32-bit target: TfLiteEvalTensors, node and
                       registration arrays, kernels' OpData, quantisation parameters, the allocator
    arena_total_bytes  head + tail as TFLM's RecordingMicroAllocator reports them (after invokes,
                       with all the RAM left as the arena)
    min_arena_bytes    the smallest arena size that prepares and runs the model (checked: a fresh
                       run with exactly that many bytes at the same 16-aligned address)
    flash_bytes        the image: code, read-only data, the model, .data's initial values
    model_flash_bytes  the flatbuffer's section (the .tflite, 16-byte aligned)
    runtime_flash_bytes  flash_bytes - model_flash_bytes (TFLM, kernels, newlib, the harness)
    data_bss_bytes     static RAM of the program (.data + .bss; the arena, heap and stack apart)
    stack_bytes        the stack's high-water mark over the whole run (painted at reset)
    heap_bytes         what newlib took from the heap (malloc; expected 0)
    instructions_per_inference  median over ``repeats`` invokes after warm-up; instructions
                       executed (QEMU -icount shift=0: 40 per SysTick tick), NOT cycles
    operator_instructions  with ``profile``: instructions of each operator (stored order) in one
                       invoke of a second interpreter built with a profiler, each to the 40 of a
                       tick; None without
    profiled_instructions  that profiled invoke's total (the operators, the interpreter's loop
                       between them and the profiler's own calls)
    """
    model: str
    kernels: str
    target: str
    operators: list
    arena_head_bytes: int
    arena_tail_bytes: int
    arena_total_bytes: int
    min_arena_bytes: int | None
    arena_available_bytes: int
    flash_bytes: int
    model_flash_bytes: int
    runtime_flash_bytes: int
    model_file_bytes: int
    data_bss_bytes: int
    stack_bytes: int
    heap_bytes: int
    instructions_per_inference: int
    instructions_runs: list
    samples: int = 0
    outputs: list = field(default_factory=list, repr=False)   # per sample, per output tensor
    bit_exact: bool | None = None
    bit_exact_samples: int = 0
    x86_arena_head_bytes: int | None = None
    x86_arena_tail_bytes: int | None = None
    x86_arena_total_bytes: int | None = None
    arena_tail_breakdown: dict = field(default_factory=dict)
    operator_instructions: list | None = None
    profiled_instructions: int | None = None

    TAIL_NOTE = ("RecordingMicroAllocator's recorded tail allocations by kind on the 32-bit target: "
                 "requested bytes, used bytes (after alignment) and count; the remainder of "
                 "arena_tail_bytes is the allocator, interpreter graph and memory planner objects")

    def as_json(self) -> dict:
        figures = asdict(self)
        figures.pop("outputs")
        figures["arena_tail_breakdown_note"] = self.TAIL_NOTE
        figures["board"] = BOARD
        figures["instructions_note"] = ("instructions executed per inference under QEMU "
                                        "-icount shift=0 (40 per SysTick tick), not cycles")
        return figures


def _encode_samples(samples: list, inputs_described: list) -> bytes:
    chunks = []
    for sample in samples:
        if len(sample) != len(inputs_described):
            raise McuError(f"a sample has {len(sample)} arrays, the model {len(inputs_described)} "
                           "inputs")
        for array, (shape, dtype) in zip(sample, inputs_described):
            array = np.asarray(array)
            if array.dtype != dtype or array.size != int(np.prod(shape, dtype=np.int64)):
                raise McuError(f"an input of {array.dtype}{list(array.shape)} for a model input "
                               f"of {dtype}{list(shape)}")
            chunks.append(np.ascontiguousarray(array).tobytes())
    return b"".join(chunks)


def _decode_outputs(raw: bytes, samples: int, outputs_described: list) -> list:
    decoded, offset = [], 0
    for _ in range(samples):
        sample = []
        for shape, dtype in outputs_described:
            count = int(np.prod(shape, dtype=np.int64))
            sample.append(np.frombuffer(raw, dtype=dtype, count=count, offset=offset)
                          .reshape(shape).copy())
            offset += count * dtype.itemsize
        decoded.append(sample)
    if offset != len(raw):
        raise McuError(f"the firmware wrote {len(raw)} output bytes, expected {offset}")
    return decoded


def _failure(run, source: str, arena_bytes: int) -> McuError:
    log = [line for line in run.tflm_log if line]
    reason = log[0] if log else EXIT_MEANINGS.get(run.status, f"exit status {run.status}")
    out_of_memory = any(re.search(r"alloc|arena|available", line, re.IGNORECASE) for line in log)
    if run.status == 3 and arena_bytes == 0 and out_of_memory:
        available = int(run.values.get("arena_available", 0))
        return McuError(f"{source}: cannot be prepared on the Cortex-M4 with the {available:,} "
                        f"bytes of RAM left for its arena: {reason}")
    if run.status == 3 and not out_of_memory:
        return McuError(f"{source}: TFLM cannot prepare the model on the Cortex-M4: {reason}")
    if run.status == 5:
        return McuError(f"{source}: an arena of {arena_bytes} bytes does not fit in the target's "
                        f"RAM ({run.values.get('arena_available')} bytes left for it)")
    return McuError(f"{source}: the firmware failed ({EXIT_MEANINGS.get(run.status, run.status)}):"
                    f" {reason}")


def _runs_in(elf: Path, folder: Path, size: int, invoke: bool, timeout_s: float) -> bool:
    """Whether the model prepares (and with ``invoke``, runs on zeros) in an arena of ``size``
    bytes: a fresh firmware run, as a failed allocation can leave TFLM in a state that faults."""
    run = run_firmware(elf, Job(arena_bytes=size, warmup=0, repeats=int(invoke)), folder, timeout_s)
    return run.status == 0 and run.values.get("done") == 1


def smallest_arena(elf: Path, folder: Path, total: int, available: int, timeout_s: float) -> int:
    """The smallest arena (bytes) that prepares the model, by bisection between a size that fails
    and one that fits, both found next to the total a large arena used; then confirmed by an
    invoke (one firmware run per probe)."""
    step = 64
    high = min(total + step, available)
    while not _runs_in(elf, folder, high, False, timeout_s):
        if high == available:
            raise McuError(f"{elf}: the model no longer prepares in an arena of {high} bytes")
        high = min(high + 4 * step, available)
    low = max(total - step, 0)
    while low > 0 and _runs_in(elf, folder, low, False, timeout_s):
        high, low = low, max(low - 4 * step, 0)
    while high - low > 1:                   # invariant: low fails (or is 0), high fits
        middle = (low + high) // 2
        if _runs_in(elf, folder, middle, False, timeout_s):
            high = middle
        else:
            low = middle
    if not _runs_in(elf, folder, high, True, timeout_s):
        raise McuError(f"{elf}: the model prepares in an arena of {high} bytes but does not run")
    return high


def measure(model, kernels: str = "cmsis-nn", samples: list | None = None, *,
            bit_exact_samples: int = 0, seed: int = 0, warmup: int = 1, repeats: int = 5,
            find_min_arena: bool = True, arena_bytes: int = 0, x86: bool = True,
            profile: bool = False, work_dir=None, timeout_s: float = DEFAULT_TIMEOUT_S,
            log=None) -> Measurement:
    """Builds and runs ``model`` (a .tflite path or flatbuffer bytes) on the Cortex-M4.

    ``samples``: inputs to compute outputs for (each a list of raw arrays, one per model input);
    without them and with ``bit_exact_samples`` > 0, that many seeded random inputs are drawn and
    the outputs compared with the x86-64 interpreter's (``bit_exact``). ``arena_bytes`` > 0 runs
    in exactly that arena (else all the RAM left). ``profile`` also times each operator
    (``operator_instructions``), in the same QEMU run after the figures above. ``work_dir``
    keeps the firmware (else a temporary folder)."""
    check_kernels(kernels)
    check_toolchain()
    try:
        source, flatbuffer = flatbuffer_bytes(model)
    except TfliteModelError as e:
        raise McuError(str(e)) from None
    inputs_described, outputs_described = model_io(flatbuffer)
    compare = samples is None and bit_exact_samples > 0
    if compare:
        samples = seeded_inputs(flatbuffer, bit_exact_samples, seed)
    samples = samples or []
    library = ensure_library(kernels, log=log)
    with tempfile.TemporaryDirectory(prefix="unas-mcu-") as scratch:
        folder = Path(work_dir) if work_dir is not None else Path(scratch)
        firmware = build_firmware(flatbuffer, library, folder, source, profile)
        job = Job(arena_bytes=arena_bytes, warmup=warmup, repeats=repeats,
                  inputs=_encode_samples(samples, inputs_described), samples=len(samples),
                  profile=profile)
        run = run_firmware(firmware.elf, job, folder, timeout_s)
        if run.status != 0 or run.values.get("done") != 1:
            raise _failure(run, source, arena_bytes)
        min_arena = (smallest_arena(firmware.elf, folder, run.values["arena_total"],
                                    run.values["arena_available"], timeout_s)
                     if find_min_arena else None)
    ticks = run.values.get("invoke_ticks", [])
    ticks = ticks if isinstance(ticks, list) else [ticks]
    runs = [t * INSTRUCTIONS_PER_TICK for t in ticks]
    v = run.values
    measurement = Measurement(
        model=source, kernels=kernels, target=TARGET, operators=list(firmware.operators),
        arena_head_bytes=v["arena_head"], arena_tail_bytes=v["arena_tail"],
        arena_total_bytes=v["arena_total"], min_arena_bytes=min_arena,
        arena_available_bytes=v["arena_available"],
        flash_bytes=firmware.flash_bytes, model_flash_bytes=firmware.model_flash_bytes,
        runtime_flash_bytes=firmware.flash_bytes - firmware.model_flash_bytes,
        model_file_bytes=len(flatbuffer), data_bss_bytes=firmware.data_bss_bytes,
        stack_bytes=v["stack_high_water"], heap_bytes=v["heap_used"],
        instructions_per_inference=int(statistics.median(runs)) if runs else 0,
        instructions_runs=runs, samples=len(samples),
        outputs=_decode_outputs(run.outputs, len(samples), outputs_described) if samples else [])
    if profile:
        if "profiled_invoke_ticks" not in v:
            raise McuError(f"{source}: the firmware printed no per-operator counts")
        per_operator = v.get("op_ticks", [])
        per_operator = per_operator if isinstance(per_operator, list) else [per_operator]
        measurement.operator_instructions = [t * INSTRUCTIONS_PER_TICK for t in per_operator]
        measurement.profiled_instructions = v["profiled_invoke_ticks"] * INSTRUCTIONS_PER_TICK
    for key, value in v.items():
        if key.startswith("tail."):
            _, kind, part = key.split(".")
            measurement.arena_tail_breakdown.setdefault(kind, {})[f"{part}_bytes" if part != "count"
                                                                  else "count"] = value
    if compare:
        expected = x86_outputs(flatbuffer, samples)
        measurement.bit_exact = all(
            np.array_equal(got, want)
            for got_sample, want_sample in zip(measurement.outputs, expected)
            for got, want in zip(got_sample, want_sample))
        measurement.bit_exact_samples = len(samples)
    if x86:
        figures = x86_arena(flatbuffer)
        measurement.x86_arena_head_bytes = figures["head"]
        measurement.x86_arena_tail_bytes = figures["tail"]
        measurement.x86_arena_total_bytes = figures["total"]
    return measurement
