"""Runs a firmware in QEMU's mps2-an386 (Cortex-M4F) and collects what it reports.

``-icount shift=0`` makes QEMU's virtual clock advance exactly 1 ns per executed instruction, and
the board clocks SysTick at 25 MHz, so one SysTick tick is 40 instructions: the firmware's tick
counts are instruction counts (deterministic, independent of the host's speed), not cycles - QEMU
models no pipeline, caches, flash wait states or multi-cycle instructions.
"""
from __future__ import annotations

import shutil
import struct
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .errors import McuError

INSTRUCTIONS_PER_TICK = 40   # 25 MHz SysTick, 1 ns per instruction under -icount shift=0
JOB_MAGIC = 0x53414E55       # "UNAS"
DEFAULT_TIMEOUT_S = 900

# The firmware's exit status (firmware/main.cc).
EXIT_MEANINGS = {2: "bad job", 3: "arena too small or model cannot be prepared", 4: "fault",
                 5: "arena larger than the RAM left", 6: "invoke failed"}


@dataclass
class Job:
    """What one firmware run does (encoded into the job file the firmware reads)."""
    arena_bytes: int = 0          # 0: all the RAM left after .data/.bss/heap/stack
    warmup: int = 1
    repeats: int = 5
    inputs: bytes = b""           # samples * input_bytes, raw
    samples: int = 0
    calibrate_loops: int = 0
    profile: bool = False         # also time each operator (a second, profiled interpreter)

    def encode(self) -> bytes:
        return struct.pack("<7I", JOB_MAGIC, self.arena_bytes, self.warmup, self.repeats,
                           self.samples, int(self.profile),
                           self.calibrate_loops) + self.inputs


@dataclass
class Run:
    status: int
    values: dict = field(default_factory=dict)       # "UNAS key=value" lines (repeated keys: list)
    tflm_log: list = field(default_factory=list)     # TFLM's own messages
    outputs: bytes = b""


def qemu_command(elf: Path) -> list:
    return ["qemu-system-arm", "-M", "mps2-an386", "-nographic", "-monitor", "none",
            "-serial", "none", "-semihosting-config",
            "enable=on,target=native,arg=fw,arg=job.bin,arg=out.bin",
            "-icount", "shift=0", "-kernel", str(elf)]


def run_firmware(elf: Path, job: Job, folder: Path, timeout_s: float = DEFAULT_TIMEOUT_S) -> Run:
    """Runs ``elf`` on ``job`` with ``folder`` as QEMU's working directory (job.bin, out.bin)."""
    if shutil.which("qemu-system-arm") is None:
        raise McuError("qemu-system-arm is not installed: install it with "
                       "`apt-get install -y qemu-system-arm`")
    (folder / "job.bin").write_bytes(job.encode())
    out = folder / "out.bin"
    out.unlink(missing_ok=True)
    try:
        result = subprocess.run(qemu_command(elf), cwd=folder, capture_output=True,
                                timeout=timeout_s, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise McuError(f"{elf}: the firmware did not finish within {timeout_s:.0f} s in QEMU"
                       ) from None
    run = Run(result.returncode)
    text = (result.stderr + result.stdout).decode("utf-8", "replace")
    for line in text.splitlines():
        if line.startswith("UNAS "):
            key, _, value = line[5:].partition("=")
            value = int(value) if value.isdigit() else value
            if key in run.values:
                previous = run.values[key]
                run.values[key] = (previous if isinstance(previous, list) else [previous]) + [value]
            else:
                run.values[key] = value
        elif line.startswith("TFLM "):
            run.tflm_log.append(line[5:].strip())
        elif line.startswith("qemu: fatal:"):
            run.tflm_log.append(line.strip())
    if out.is_file():
        run.outputs = out.read_bytes()
    return run
