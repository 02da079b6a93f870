#!/usr/bin/env python
"""The exported .tflite's size and TFLM's arena predicted from the architecture
(resource_models.tflite_predict.deployed_footprint) against the real conversion, on random CNN and
MLP architectures (half of them structurally pruned, exported as the reduced-channel network), for
the three runtimes (x86-64 wheel, Cortex-M4 reference, Cortex-M4 CMSIS-NN): .tflite bytes, arena
head, tail, total and smallest arena. The real side is the file the export writes for the
conversion (resource_models.tflite_canonical.exported), read by resource_models.tflite and
measured by resource_models.tflm_arena (exact against TFLM, see bench_tflm_arena.py); with
``--tflm`` the x86-64 head and total are also measured in the tflite-micro wheel. Prints every
mismatch, the counts and the prediction's time per architecture.

    .venv/bin/python benchmarks/bench_tflite_predict.py --count N [--seed 0] [--tflm]
"""
import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "test"))

import numpy as np  # noqa: E402


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--count", type=int, default=100, help="random architectures to convert")
    p.add_argument("--seed", type=int, default=0, help="first seed")
    p.add_argument("--tflm", action="store_true",
                   help="also measure the x86-64 head and total in the tflite-micro wheel")
    args = p.parse_args(argv)

    from random_exports import RUNTIMES, footprints, random_case
    from resource_models.tflite import read_tflite
    from resource_models.tflite_canonical import exported
    from resource_models.tflite_predict import _CACHE, deployed_footprint

    kinds = [("cnn", False), ("cnn", True), ("mlp", False), ("mlp", True)]
    compared = skipped = mismatched = 0
    by_kind = {}
    times = []
    tflm_checked = tflm_mismatched = 0
    start = time.monotonic()
    for i in range(args.count):
        kind, pruned = kinds[i % len(kinds)]
        case = random_case(kind, args.seed + i, pruned)
        if case is None:
            skipped += 1
            continue
        name, converted, graph = case
        real = read_tflite(exported(converted)[0])
        want = footprints(real, RUNTIMES)
        _CACHE.clear()
        t0 = time.perf_counter()
        got = {rt: deployed_footprint(graph, *rt) for rt in RUNTIMES}
        times.append(time.perf_counter() - t0)
        bad = [(rt, key, want[rt][key], got[rt][key]) for rt in RUNTIMES for key in want[rt]
               if want[rt][key] != got[rt][key]]
        if args.tflm:
            from utils import tflm_arena_usage

            usage = tflm_arena_usage(real.data)
            tflm_checked += 1
            x86 = got[RUNTIMES[0]]
            if (usage["head"], usage["total"]) != (x86["arena_head_bytes"],
                                                   x86["arena_total_bytes"]):
                tflm_mismatched += 1
                bad.append(("tflm wheel", "head/total", (usage["head"], usage["total"]),
                            (x86["arena_head_bytes"], x86["arena_total_bytes"])))
        compared += 1
        label = f"{kind}{' pruned' if pruned else ''}"
        counts = by_kind.setdefault(label, [0, 0])
        counts[0] += 1
        if bad:
            mismatched += 1
            counts[1] += 1
            for rt, key, w, g in bad:
                print(f"MISMATCH {name}: {rt} {key}: real {w} predicted {g}", flush=True)
        if (i + 1) % 50 == 0:
            print(f"... {i + 1} done, {compared} compared, {mismatched} mismatched, "
                  f"{time.monotonic() - start:.0f} s", flush=True)
    times_ms = np.array(times) * 1000
    print(f"architectures: {compared} compared ({skipped} pruned cases skipped: the export keeps "
          f"their full width), seeds {args.seed}..{args.seed + args.count - 1}")
    for label, (n, bad) in by_kind.items():
        print(f"  {label:<11} {n:>5} compared, {n - bad:>5} exact on all 5 figures x 3 runtimes")
    print(f"exact: {compared - mismatched} of {compared}; mismatched: {mismatched}")
    if args.tflm:
        print(f"tflite-micro wheel: x86-64 head and total measured on {tflm_checked}, "
              f"{tflm_checked - tflm_mismatched} equal to the prediction")
    if len(times_ms):
        print(f"prediction time per architecture (3 runtimes, uncached): median "
              f"{np.median(times_ms):.1f} ms, p95 {np.percentile(times_ms, 95):.1f} ms, max "
              f"{times_ms.max():.1f} ms")
    return 1 if mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
