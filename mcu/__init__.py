"""The Cortex-M4 firmware harness: any int8 .tflite built with TensorFlow Lite Micro (reference
kernels or CMSIS-NN) into firmware for QEMU's mps2-an386, run there, and measured (arena head,
tail and smallest working size on the 32-bit target, flash, static RAM, stack, instructions per
inference, outputs and their bit-exactness against the x86-64 interpreter).

    python -m mcu MODEL.tflite [--kernels cmsis-nn|reference] [--json]

Set-up: the Debian packages in :data:`mcu.toolchain.DEBIAN_PACKAGES`; TFLM is compiled once per
kernel set from vendor/tflm into ~/.cache/unas-tflm (:mod:`mcu.library`).
"""
from .errors import McuError
from .harness import Measurement, measure

__all__ = ["McuError", "Measurement", "measure"]
