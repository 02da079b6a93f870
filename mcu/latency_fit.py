"""Fits the per-operator latency model (:mod:`resource_models.tflm_latency`) on the firmware's
per-operator measurements and evaluates it on held-out models, beside a MACs-only line.

    python -m mcu.latency_fit collect OPERATORS.csv STUDY_DIR...
    python -m mcu.latency_fit fit OPERATORS.csv [--out resource_models/data/tflm_latency.json]
        [--held-out 0.3] [--seed 0]

``collect`` turns what ``python -m mcu.latency_study MODELS --profile`` measured (each
MODELS/<out>/rows.jsonl with the .tflite files of MODELS; a STUDY_DIR is ``MODELS`` or
``MODELS:OUT``) into one CSV row per operator: the model, its geometry
(:data:`~resource_models.tflm_latency.DESCRIPTOR_FIELDS`), its instructions with each kernel set,
and its model's instructions and MACs. ``fit`` splits the models (seeded) into a training and a
held-out part, fits each kernel path's coefficients by least squares on the training models'
operators (each operator weighted by 1 / its model's instructions, so that the fit minimises the
models' relative errors), fits the interpreter's overhead per invoke and per operator on the
training models' totals, writes the coefficients, and prints the held-out figures: R^2 of the
models' instructions and the share within +/-10 % (nn-Meter's figure of merit), beside the same
figures for a straight line in MACs fitted on the same training models (by least squares, as
the original's study does, and on relative errors).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np

from resource_models.tflm_latency import (DESCRIPTOR_FIELDS, INVOKE_FEATURES, KERNEL_SETS,
                                          operator_descriptor, operator_features, operator_group)

TOLERANCE = 0.10


# --- collect ---------------------------------------------------------------------------------
def collect(study_dirs, out_csv: Path) -> int:
    """Writes the per-operator CSV; returns the number of models."""
    from resource_models.tflite import read_tflite

    rows, models = [], 0
    for spec in study_dirs:
        models_dir, _, out = str(spec).partition(":")
        models_dir = Path(models_dir)
        rows_file = (Path(out) if out else models_dir / "latency") / "rows.jsonl"
        for line in rows_file.read_text().splitlines():
            if not line:
                continue
            measured = json.loads(line)
            model = read_tflite(models_dir / measured["file"])
            name = f"{models_dir.name}/{measured['file']}"
            models += 1
            for op in model.operators:
                row = {"model": name, "operator": op.index,
                       **operator_descriptor(model, op),
                       "model_macs": measured["macs"], "model_operators": len(model.operators)}
                for kernels in KERNEL_SETS:
                    per_op = measured[f"operator_instructions_{kernels}"]
                    if len(per_op) != len(model.operators):
                        raise ValueError(f"{name}: {len(per_op)} profiled operators, the model "
                                         f"has {len(model.operators)}")
                    row[f"instructions_{kernels}"] = per_op[op.index]
                    row[f"model_instructions_{kernels}"] = measured[f"instructions_{kernels}"]
                rows.append(row)
    out_csv.parent.mkdir(parents=True, exist_ok=True)
    with open(out_csv, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return models


# --- fit -------------------------------------------------------------------------------------
def read_operators(path: Path) -> list:
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        raise ValueError(f"{path}: no rows")
    for row in rows:
        for key, value in row.items():
            if key not in ("model", "op"):
                row[key] = int(value)
    return rows


def split_models(names, held_out: float, seed: int) -> tuple:
    """(training, held-out) model names: a seeded permutation of the sorted names."""
    names = sorted(set(names))
    order = np.random.default_rng(seed).permutation(len(names))
    cut = len(names) - int(round(held_out * len(names)))
    return {names[i] for i in order[:cut]}, {names[i] for i in order[cut:]}


def _descriptor(row) -> dict:
    return {k: row[k] for k in DESCRIPTOR_FIELDS}


def fit_groups(rows, kernels: str) -> dict:
    """Least squares per kernel path on ``rows`` (operators), weighted by 1 / model total."""
    grouped = {}
    for row in rows:
        d = _descriptor(row)
        grouped.setdefault(operator_group(d, kernels), []).append(
            (operator_features(d, kernels), row[f"instructions_{kernels}"],
             row[f"model_instructions_{kernels}"]))
    fits = {}
    for group, samples in sorted(grouped.items()):
        names = sorted(samples[0][0])
        x = np.array([[f[n] for n in names] for f, _, _ in samples], dtype=np.float64)
        y = np.array([v for _, v, _ in samples], dtype=np.float64)
        w = 1.0 / np.array([t for _, _, t in samples], dtype=np.float64)
        scale = np.maximum(np.abs(x).max(axis=0), 1.0)        # conditioning only
        solution = np.linalg.lstsq(x * w[:, None] / scale, y * w, rcond=None)[0] / scale
        fits[group] = {"features": names, "coefficients": [float(c) for c in solution],
                       "operators": len(samples)}
    return fits


def _models(rows) -> dict:
    """model name -> its operator rows in the stored order."""
    by_model = {}
    for row in rows:
        by_model.setdefault(row["model"], []).append(row)
    return {name: sorted(ops, key=lambda r: r["operator"]) for name, ops in by_model.items()}


def _sum_operators(fits: dict, ops, kernels: str) -> float:
    total = 0.0
    for row in ops:
        d = _descriptor(row)
        group = operator_group(d, kernels)
        if group not in fits:
            raise ValueError(f"held-out model {row['model']} runs kernel path {group} ({kernels}),"
                             " which no training model has: measure more models or change "
                             "--seed")
        fit = fits[group]
        features = operator_features(d, kernels)
        total += max(sum(c * features.get(n, 0.0) for n, c in
                         zip(fit["features"], fit["coefficients"])), 0.0)
    return total


def fit_invoke(models: dict, kernels: str) -> dict:
    """The interpreter's instructions beyond the profiled operators': per invoke, per operator
    (least squares on the training models' measured totals minus their operators' sums)."""
    x = np.array([[1.0, len(ops)] for ops in models.values()])
    y = np.array([ops[0][f"model_instructions_{kernels}"]
                  - sum(r[f"instructions_{kernels}"] for r in ops) for ops in models.values()],
                 dtype=np.float64)
    solution = np.linalg.lstsq(x, y, rcond=None)[0]
    return {"features": list(INVOKE_FEATURES), "coefficients": [float(c) for c in solution]}


def figures(predicted, measured) -> dict:
    predicted, measured = np.asarray(predicted, float), np.asarray(measured, float)
    residual = ((measured - predicted) ** 2).sum()
    total = ((measured - measured.mean()) ** 2).sum()
    relative = np.abs(predicted / measured - 1.0)
    return {"models": int(len(measured)), "r2": float(1.0 - residual / total),
            "within_10_percent": float((relative <= TOLERANCE).mean()),
            "median_abs_relative_error": float(np.median(relative)),
            "max_abs_relative_error": float(relative.max())}


def fit(rows, held_out: float = 0.3, seed: int = 0) -> dict:
    """Coefficients fitted on the training models, with held-out figures for them and MACs."""
    models = _models(rows)
    train, test = split_models(models, held_out, seed)
    if not train or not test:
        raise ValueError(f"{len(models)} models: too few to hold out {held_out:.0%}")
    result = {"note": "instructions per inference on the Cortex-M4 (QEMU mps2-an386 -icount "
                      "shift=0), not cycles; fitted by python -m mcu.latency_fit",
              "split": {"held_out_fraction": held_out, "seed": seed,
                        "training_models": len(train), "held_out_models": len(test)},
              "held_out_model_names": sorted(test), "kernels": {}, "held_out": {}}
    train_rows = [r for r in rows if r["model"] in train]
    for kernels in KERNEL_SETS:
        fits = fit_groups(train_rows, kernels)
        invoke = fit_invoke({m: models[m] for m in sorted(train)}, kernels)
        result["kernels"][kernels] = {"groups": fits, "invoke": invoke}
        names = sorted(test)
        measured = [models[m][0][f"model_instructions_{kernels}"] for m in names]
        predicted = [_sum_operators(fits, models[m], kernels) + invoke["coefficients"][0]
                     + invoke["coefficients"][1] * len(models[m]) for m in names]
        macs_train = np.array([models[m][0]["model_macs"] for m in sorted(train)], float)
        y_train = np.array([models[m][0][f"model_instructions_{kernels}"] for m in sorted(train)],
                           float)
        macs_test = np.array([models[m][0]["model_macs"] for m in names], float)
        lines = {}
        # The original's straight line (least squares), and one fitted on relative errors (the
        # figure of merit's own measure, fairer to small models).
        for key, weights in (("macs_line", None), ("macs_line_relative", 1.0 / y_train)):
            slope, intercept = np.polyfit(macs_train, y_train, 1, w=weights)
            lines[key] = {**figures(slope * macs_test + intercept, measured),
                          "slope": float(slope), "intercept": float(intercept)}
        result["held_out"][kernels] = {"per_operator_model": figures(predicted, measured),
                                       **lines}
    return result


def report(result: dict) -> str:
    split = result["split"]
    lines = [f"{split['training_models']} training models, {split['held_out_models']} held-out "
             f"(seed {split['seed']}); instructions per inference, held-out models:",
             f"{'kernels':<10} {'predictor':<20} {'R^2':>8} {'within 10 %':>12} "
             f"{'median |err|':>13} {'max |err|':>10}"]
    for kernels, both in result["held_out"].items():
        for label, key in (("per-operator model", "per_operator_model"),
                           ("MACs line", "macs_line"),
                           ("MACs line, relative", "macs_line_relative")):
            f = both[key]
            lines.append(f"{kernels:<10} {label:<20} {f['r2']:>8.4f} "
                         f"{f['within_10_percent']:>11.1%} "
                         f"{f['median_abs_relative_error']:>12.2%} "
                         f"{f['max_abs_relative_error']:>9.1%}")
    return "\n".join(lines)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m mcu.latency_fit",
                                description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("collect", help="per-operator CSV from latency_study --profile rows")
    c.add_argument("out_csv")
    c.add_argument("study_dirs", nargs="+", help="MODELS_DIR or MODELS_DIR:STUDY_OUT_DIR")
    f = sub.add_parser("fit", help="fit and evaluate on held-out models")
    f.add_argument("operators_csv")
    f.add_argument("--out", default=None, help="write the coefficients (JSON) here")
    f.add_argument("--held-out", type=float, default=0.3,
                   help="fraction of the models held out (default: 0.3)")
    f.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    try:
        if args.command == "collect":
            count = collect(args.study_dirs, Path(args.out_csv))
            print(f"wrote {args.out_csv}: {count} models")
            return 0
        if not 0.0 < args.held_out < 1.0:
            print(f"error: --held-out {args.held_out}: must be between 0 and 1", file=sys.stderr)
            return 2
        result = fit(read_operators(Path(args.operators_csv)), args.held_out, args.seed)
    except (OSError, ValueError, KeyError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(report(result))
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=1) + "\n")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
