"""TensorFlow Lite Micro built for the Cortex-M4F, once per kernel set, into a cache outside the
clone: ``$UNAS_TFLM_CACHE`` or ``~/.cache/unas-tflm``, then ``<tflm commit>-<build hash>/<kernels>``
(the build hash covers mcu/tflm.mk, so changed flags build anew). Concurrent callers wait on a lock;
a build goes to a temporary folder and is renamed into place when complete, so a cache entry is
always whole. The sources are the vendored tree vendor/tflm (no network)."""
from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import McuError
from .toolchain import PROJECT_ROOT, check_toolchain

KERNEL_SETS = ("cmsis-nn", "reference")
VENDOR = PROJECT_ROOT / "vendor" / "tflm"
MAKEFILE = PROJECT_ROOT / "mcu" / "tflm.mk"
BUILD_TIMEOUT_S = 3 * 3600


def tflm_commit() -> str:
    """The tensorflow/tflite-micro commit vendor/tflm was taken from (its README says)."""
    text = (VENDOR / "README.md").read_text()
    match = re.search(r"tensorflow/tflite-micro\S*\s*\|\s*`?([0-9a-f]{40})", text)
    if match is None:
        raise McuError(f"{VENDOR / 'README.md'}: no tensorflow/tflite-micro commit recorded")
    return match.group(1)


def cache_root() -> Path:
    root = os.environ.get("UNAS_TFLM_CACHE")
    return Path(root) if root else Path.home() / ".cache" / "unas-tflm"


def build_key() -> str:
    digest = hashlib.sha256(MAKEFILE.read_bytes()).hexdigest()[:8]
    return f"{tflm_commit()[:12]}-{digest}"


@dataclass(frozen=True)
class Library:
    """A built TFLM: the archive, and the flags and include folders it was compiled with."""
    kernels: str
    folder: Path

    @property
    def archive(self) -> Path:
        return self.folder / "libtflm.a"

    def _flags(self) -> dict:
        values = {}
        for line in (self.folder / "flags.mk").read_text().splitlines():
            key, _, value = line.partition(":=")
            values[key.strip()] = value.strip()
        return values

    @property
    def cxxflags(self) -> list:
        return self._flags()["CXXFLAGS"].split()

    @property
    def include_flags(self) -> list:
        return [f"-I{VENDOR / d}" for d in self._flags()["INCLUDE_DIRS"].split()]


def check_kernels(kernels: str) -> str:
    if kernels not in KERNEL_SETS:
        raise McuError(f"--kernels {kernels!r}: choose one of {', '.join(KERNEL_SETS)}")
    return kernels


def library_folder(kernels: str) -> Path:
    return cache_root() / build_key() / check_kernels(kernels)


def is_built(kernels: str) -> bool:
    return (library_folder(kernels) / "libtflm.a").is_file()


def ensure_library(kernels: str, log=None, jobs: int | None = None) -> Library:
    """The library for ``kernels``, built first if the cache does not hold it (minutes)."""
    folder = library_folder(kernels)
    if (folder / "libtflm.a").is_file():
        return Library(kernels, folder)
    check_toolchain()
    log = log or (lambda text: print(text, file=sys.stderr, flush=True))
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / f".{kernels}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (folder / "libtflm.a").is_file():
            return Library(kernels, folder)
        temporary = folder.parent / f".{kernels}.building-{os.getpid()}"
        shutil.rmtree(temporary, ignore_errors=True)
        jobs = jobs or os.cpu_count() or 1
        log(f"building TensorFlow Lite Micro ({kernels} kernels) for the Cortex-M4 into {folder} "
            f"(once; about 8 CPU-minutes)")
        started = time.monotonic()
        command = ["nice", "-n", "10", "make", "-f", str(MAKEFILE), f"KERNELS={kernels}",
                   f"OUT={temporary}", f"SRC={VENDOR}", f"-j{jobs}"]
        try:
            result = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_ROOT,
                                    timeout=BUILD_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            shutil.rmtree(temporary, ignore_errors=True)
            raise McuError(f"building TFLM ({kernels}) took over {BUILD_TIMEOUT_S} s") from None
        if result.returncode != 0:
            shutil.rmtree(temporary, ignore_errors=True)
            errors = [line for line in result.stderr.splitlines() if "error" in line.lower()]
            raise McuError(f"building TFLM ({kernels}) failed: "
                           f"{(errors or result.stderr.splitlines() or ['?'])[0]}")
        temporary.rename(folder)
        log(f"built TFLM ({kernels}) in {time.monotonic() - started:.0f} s")
    return Library(kernels, folder)
