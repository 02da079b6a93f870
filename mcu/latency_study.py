"""The original μNAS's latency study on the Cortex-M4 firmware: random models from
``generate_tflite_models.py`` run with both TFLM kernel sets; instructions per inference against
the models' MACs, with the R^2 of a straight line, as a CSV and the original's plot.

    python generate_tflite_models.py --count 100 --out-dir MODELS
    python -m mcu.latency_study MODELS [--out DIR] [--kernels cmsis-nn,reference] [--jobs N]

writes DIR/latency.csv (one row per model: MACs and each kernel set's instructions, arena and
flash), DIR/latency_vs_macs.png and DIR/latency_study.json (the fits) at the end; DIR/rows.jsonl
collects the rows as they are measured (``--fit-only`` fits a study stopped early). Latency
here is instructions executed (QEMU -icount), not cycles. ``--profile`` also times each operator
(rows.jsonl gains ``operator_instructions_<kernels>``, a list in the stored order), the input of
:mod:`mcu.latency_fit`.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import time
from pathlib import Path

from .errors import McuError
from .library import KERNEL_SETS


def run_study(models_dir: Path, kernel_sets, log=print, jobs: int = 1, rows_file=None,
              profile: bool = False) -> list:
    """One row per model (in the index's order); ``jobs`` models are measured at a time (each
    in its own QEMU processes). With ``rows_file``, each finished row is also appended to it
    (JSON lines), so a study stopped early keeps what it measured (``--fit-only`` fits those)."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from resource_models.tflite_schema import load_schema

    load_schema()       # once, here: loading it from several threads at a time is not safe
    lock = threading.Lock()

    from .harness import measure

    index = models_dir / "models.json"
    try:
        records = json.loads(index.read_text())
    except (OSError, ValueError) as e:
        raise McuError(f"{index}: cannot read the models' index ({e}); make it with "
                       "generate_tflite_models.py --out-dir " + str(models_dir)) from None
    done = []

    def one(record):
        path = models_dir / record["file"]
        row = {"file": record["file"], "macs": int(record["resource_features"]["macs"]),
               "model_size": record["resource_features"].get("model_size"),
               "peak_memory_usage": record["resource_features"].get("peak_memory_usage")}
        started = time.monotonic()
        for kernels in kernel_sets:
            # No warm-up with --profile: the first invoke's count equals the later ones' (checked
            # by test_mcu_profile), and the profiled invoke is a second one already.
            m = measure(path, kernels, find_min_arena=False, x86=False,
                        warmup=0 if profile else 1, repeats=1, profile=profile)
            row[f"instructions_{kernels}"] = m.instructions_per_inference
            if profile:
                row[f"operator_instructions_{kernels}"] = m.operator_instructions
                row[f"profiled_instructions_{kernels}"] = m.profiled_instructions
            row[f"arena_total_bytes_{kernels}"] = m.arena_total_bytes
            row[f"flash_bytes_{kernels}"] = m.flash_bytes
        with lock:
            done.append(record["file"])
            if rows_file is not None:
                with open(rows_file, "a") as f:
                    f.write(json.dumps(row) + "\n")
        log(f"{len(done)}/{len(records)} {record['file']}: {row['macs']:,} MACs, "
            + ", ".join(f"{k} {row[f'instructions_{k}']:,} instructions" for k in kernel_sets)
            + f" ({time.monotonic() - started:.1f} s)", flush=True)
        return row

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(one, records))


def write_results(rows, kernel_sets, out_dir: Path) -> dict:
    from search_state_processor import plot_latency_vs_macs

    out_dir.mkdir(parents=True, exist_ok=True)
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=[k for k in rows[0]
                                              if not k.startswith("operator_instructions_")],
                            extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    (out_dir / "latency.csv").write_text(text.getvalue())
    fits = plot_latency_vs_macs([r["macs"] for r in rows],
                                {k: [r[f"instructions_{k}"] for r in rows] for k in kernel_sets},
                                out_dir / "latency_vs_macs.png",
                                title="Cortex-M4 (QEMU) instructions vs MACs")
    ratios = [r["instructions_reference"] / r["instructions_cmsis-nn"] for r in rows
              if "instructions_reference" in r and "instructions_cmsis-nn" in r]
    summary = {"models": len(rows),
               "fits": {k: {**fit, "unit": "instructions per MAC (slope), instructions"}
                        for k, fit in fits.items()},
               "reference_over_cmsis_nn": ({"min": min(ratios), "max": max(ratios),
                                           "median": sorted(ratios)[len(ratios) // 2]}
                                           if ratios else None),
               "note": "instructions executed under QEMU -icount shift=0, not cycles"}
    (out_dir / "latency_study.json").write_text(json.dumps(summary, indent=1))
    return summary


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m mcu.latency_study", description=__doc__.split(
        "\n\n")[0])
    p.add_argument("models_dir", help="a folder written by generate_tflite_models.py")
    p.add_argument("--out", default=None, help="output folder (default: MODELS_DIR/latency)")
    p.add_argument("--jobs", type=int, default=1, help="models measured at a time (default: 1)")
    p.add_argument("--fit-only", action="store_true",
                   help="measure nothing: fit and plot the rows already in DIR/rows.jsonl (what a "
                        "study stopped early measured)")
    p.add_argument("--profile", action="store_true",
                   help="also time each operator (for mcu.latency_fit)")
    p.add_argument("--kernels", default=",".join(KERNEL_SETS),
                   help="comma-separated kernel sets (default: cmsis-nn,reference)")
    args = p.parse_args(argv)
    kernel_sets = [k.strip() for k in args.kernels.split(",") if k.strip()]
    bad = [k for k in kernel_sets if k not in KERNEL_SETS]
    if bad or not kernel_sets:
        print(f"error: --kernels {args.kernels!r}: choose from {', '.join(KERNEL_SETS)}",
              file=sys.stderr)
        return 2
    models_dir = Path(args.models_dir)
    out_dir = Path(args.out) if args.out else models_dir / "latency"
    rows_file = out_dir / "rows.jsonl"
    if args.fit_only:
        try:
            rows = [json.loads(line) for line in rows_file.read_text().splitlines() if line]
        except (OSError, ValueError) as e:
            print(f"error: {rows_file}: {e}", file=sys.stderr)
            return 2
    else:
        out_dir.mkdir(parents=True, exist_ok=True)
        rows_file.unlink(missing_ok=True)
        try:
            rows = run_study(models_dir, kernel_sets, jobs=args.jobs, rows_file=rows_file,
                             profile=args.profile)
        except McuError as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
    if len(rows) < 2:
        print(f"error: {models_dir}: {len(rows)} model(s); a fit needs at least 2", file=sys.stderr)
        return 2
    summary = write_results(rows, kernel_sets, out_dir)
    for kernels, fit in summary["fits"].items():
        print(f"{kernels}: instructions = {fit['slope']:.2f} x MACs + {fit['intercept'] * 1e6:,.0f}"
              f"  (R^2 = {fit['r2']:.4f}, {summary['models']} models)")
    if summary["reference_over_cmsis_nn"]:
        r = summary["reference_over_cmsis_nn"]
        print(f"reference / CMSIS-NN instructions: {r['min']:.1f}x to {r['max']:.1f}x "
              f"(median {r['median']:.1f}x)")
    print(f"wrote {out_dir}/latency.csv, latency_vs_macs.png, latency_study.json")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    sys.exit(main())
