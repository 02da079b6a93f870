"""Set-up for the Cortex-M4 firmware, as ``make test`` runs it: the Debian packages installed when
missing (as root with apt-get; elsewhere a one-line error naming the apt command, exit 2), then
TFLM built once per kernel set into the cache (minutes the first time, nothing after).

    python -m mcu.prepare
"""
from __future__ import annotations

import sys
import time

from .errors import McuError
from .library import KERNEL_SETS, ensure_library, library_folder
from .toolchain import ensure_toolchain


def main() -> int:
    started = time.monotonic()
    try:
        ensure_toolchain()
        for kernels in KERNEL_SETS:
            ensure_library(kernels)
    except McuError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"Cortex-M4 firmware ready: toolchain installed, TFLM libraries in "
          f"{library_folder(KERNEL_SETS[0]).parent} ({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
