"""The host tools the firmware needs (Arm GCC, newlib, QEMU): found, or installed with apt-get.

Missing tools are a one-line error naming the apt command, raised before anything is built.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from .errors import McuError

DEBIAN_PACKAGES = ("gcc-arm-none-eabi", "libnewlib-arm-none-eabi",
                   "libstdc++-arm-none-eabi-newlib", "qemu-system-arm")
APT_COMMAND = "apt-get install -y " + " ".join(DEBIAN_PACKAGES)
INSTALL_TIMEOUT_S = 1800

CROSS = "arm-none-eabi-"
TOOLS = (CROSS + "gcc", CROSS + "g++", CROSS + "ar", CROSS + "size", CROSS + "nm",
         "qemu-system-arm", "make")


def missing_tools() -> list:
    """Tools not on PATH, plus newlib/libstdc++ when the compiler cannot find them."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not missing:
        for library in ("libc.a", "libstdc++.a"):
            found = subprocess.run([CROSS + "gcc", "-mcpu=cortex-m4", "-mfloat-abi=hard",
                                    "-mfpu=fpv4-sp-d16", "-mthumb", f"-print-file-name={library}"],
                                   capture_output=True, text=True, timeout=60).stdout.strip()
            if not os.path.isabs(found):
                missing.append(library)
    return missing


def check_toolchain() -> None:
    """Raises McuError (one line, with the apt command) when a tool is missing."""
    missing = missing_tools()
    if missing:
        raise McuError(f"the Cortex-M4 firmware needs {', '.join(missing)}: install them with "
                       f"`{APT_COMMAND}`")


def ensure_toolchain(log=print) -> None:
    """Installs the Debian packages when tools are missing and this process may (root with
    apt-get); otherwise raises the one-line error of :func:`check_toolchain`."""
    if not missing_tools():
        return
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        check_toolchain()
    log(f"installing the Cortex-M4 toolchain: {APT_COMMAND}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", *DEBIAN_PACKAGES]):
        result = subprocess.run(command, env=env, capture_output=True, text=True,
                                timeout=INSTALL_TIMEOUT_S)
        if result.returncode != 0:
            tail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [""]
            raise McuError(f"`{' '.join(command)}` failed (exit {result.returncode}): {tail[0]}")
    check_toolchain()


def tool(name: str) -> str:
    return CROSS + name


PROJECT_ROOT = Path(__file__).resolve().parents[1]
