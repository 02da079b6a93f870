#!/usr/bin/env python
"""Run a benchmark (or any command) and keep its output as a result file the README can cite.

    python benchmarks/record.py NAME -- COMMAND [ARGS...]

writes ``benchmarks/results/NAME.txt``: the date (UTC), the machine (host, OS, CPU model, cores,
memory, GPUs if any), the git commit (and whether the tree had changes), the exact command, the
``uptime`` load averages before and after (a shared machine inflates timings: read them together),
then everything the command printed, its exit status and wall time. The output is also echoed.
Every figure in the README comes from such a file.
"""
from __future__ import annotations

import datetime
import os
import platform
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def _run(cmd) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        return f"{kb / 2**20:.1f} GiB"
    except (OSError, ValueError, IndexError):
        return "unknown"


def machine() -> str:
    gpus = _run(["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"]) if shutil.which(
        "nvidia-smi") else ""
    return (f"{platform.node()}, {platform.system()} {platform.release()}, {_cpu_model()}, "
            f"{os.cpu_count()} logical cores, {_memory()} memory, GPUs: {gpus or 'none'}")


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    name, cmd = argv[0], argv[2:]
    RESULTS.mkdir(parents=True, exist_ok=True)
    dirty = " (with uncommitted changes)" if _run(["git", "status", "--porcelain",
                                                   "--untracked-files=no"]) else ""
    header = [
        f"date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M:%S} UTC",
        f"machine: {machine()}",
        f"commit: {_run(['git', 'rev-parse', '--short', 'HEAD']) or 'unknown'}{dirty}",
        f"command: {shlex.join(cmd)}",
        f"uptime before: {_run(['uptime'])}",
        "", "--- output ---",
    ]
    start = time.time()
    lines = []
    with subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True) as proc:
        for line in proc.stdout:
            sys.stdout.write(line)
            lines.append(line.rstrip("\n"))
    wall = time.time() - start
    footer = ["--- end of output ---", f"exit status: {proc.returncode}",
              f"wall time: {wall:.1f} s", f"uptime after: {_run(['uptime'])}"]
    path = RESULTS / f"{name}.txt"
    path.write_text("\n".join(header + lines + footer) + "\n")
    print(f"recorded in {path.relative_to(ROOT)}", file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
