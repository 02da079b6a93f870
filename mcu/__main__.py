"""Command line of the Cortex-M4 firmware harness (see :mod:`mcu`)."""
from __future__ import annotations

import argparse
import json
import sys

from .errors import McuError
from .library import KERNEL_SETS


def _table(m) -> str:
    rows = [
        ("kernels", m.kernels),
        ("operators", ", ".join(m.operators)),
        ("arena head / tail / total (B)", f"{m.arena_head_bytes:,} / {m.arena_tail_bytes:,} / "
                                          f"{m.arena_total_bytes:,}"),
        ("smallest arena that runs (B)", f"{m.min_arena_bytes:,}" if m.min_arena_bytes else "-"),
        ("x86-64 wheel head / tail (B)", f"{m.x86_arena_head_bytes:,} / {m.x86_arena_tail_bytes:,}"
         if m.x86_arena_head_bytes is not None else "-"),
        ("flash: total / runtime / model (B)", f"{m.flash_bytes:,} / {m.runtime_flash_bytes:,} / "
                                               f"{m.model_flash_bytes:,}"),
        (".data + .bss (B)", f"{m.data_bss_bytes:,}"),
        ("stack high-water mark (B)", f"{m.stack_bytes:,}"),
        ("instructions per inference (not cycles)", f"{m.instructions_per_inference:,}"),
        *([("per operator (instructions)", ", ".join(
            f"#{i} {count:,}" for i, count in enumerate(m.operator_instructions)))]
          if m.operator_instructions is not None else []),
        ("bit-exact vs x86-64 TFLM", "-" if m.bit_exact is None
         else f"{'yes' if m.bit_exact else 'NO'} ({m.bit_exact_samples} seeded inputs)"),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m mcu",
        description="Build a .tflite into Cortex-M4 firmware with TensorFlow Lite Micro, run it in "
                    "QEMU (mps2-an386) and print what the target pays: arena, flash, RAM, stack, "
                    "instructions per inference (instructions, not cycles).")
    p.add_argument("model", help="an int8 .tflite file")
    p.add_argument("--kernels", default="cmsis-nn", choices=KERNEL_SETS,
                   help="TFLM kernel set (default: cmsis-nn)")
    p.add_argument("--samples", type=int, default=4,
                   help="seeded random inputs whose outputs are compared with the x86-64 "
                        "interpreter (default: 4)")
    p.add_argument("--repeats", type=int, default=5,
                   help="timed invokes after one warm-up; the median is reported (default: 5)")
    p.add_argument("--profile", action="store_true",
                   help="also count each operator's instructions (stored order; a second, "
                        "profiled invoke after the other figures)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    args = p.parse_args(argv)
    if args.samples < 1 or args.repeats < 1:
        print(f"error: --samples and --repeats must be at least 1 (got {args.samples}, "
              f"{args.repeats})", file=sys.stderr)
        return 2
    from .harness import measure
    try:
        measurement = measure(args.model, args.kernels, bit_exact_samples=args.samples,
                              repeats=args.repeats, profile=args.profile)
    except McuError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(measurement.as_json(), indent=1))
    else:
        print(_table(measurement))
    return 0 if measurement.bit_exact in (True, None) else 1


if __name__ == "__main__":
    sys.exit(main())
