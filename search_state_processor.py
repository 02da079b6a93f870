#!/usr/bin/env python
"""Read a μNAS search state: print the Pareto-optimal and in-bounds models, plot the search.

    search_state_processor.py STATE [--plot-dir DIR] [--validation-error] [--csv]

As the original μNAS's processor does, tables, fronts and plots show each model's test error;
``--validation-error`` shows the validation error (what the search itself optimised) instead.
``--csv`` prints the original's CSV (``Error,PMU,MS,MACs``, one line per evaluated model).

As a library (notebooks)::

    from search_state_processor import load_search_state, pareto_front
    state = load_search_state("artifacts/cnn_digits/digits_agingevosearch_state.json")
    front = pareto_front(state.ok_points, state.objectives)
    model = state.keras_model(front[0])          # with its trained weights when they were kept
    graph = state.resource_graph(front[0])       # resource_models graph of the same network

A state file of a search that is still running, or was killed, is read together with its journal,
so every candidate recorded so far is there.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, List, Optional, Sequence

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from architecture import Architecture  # noqa: E402
from search_algorithms.pareto import (ERRORS, check_error, error_of, front_2d,  # noqa: E402
                                      pareto_front)
from search_algorithms.points import (ALL_OBJECTIVE_BOUNDS, RESOURCE_FEATURES,  # noqa: E402
                                      TARGET_OBJECTIVE_BOUNDS, Point, active_objectives,
                                      in_bounds)
from search_algorithms.state import (StateFileError, merged_points, read_state,  # noqa: E402
                                     weights_dir)
from search_algorithms.weights import weights_file  # noqa: E402

LABELS = {"val_error": "validation error", "test_error": "test error", "peak_memory_usage": "peak memory usage (bytes)",
          "model_size": "model size (bytes)", "macs": "MACs", "ram_bytes": "target RAM (bytes)",
          "flash_bytes": "target flash (bytes)", "instructions": "instructions per inference",
          "latency_ms": "latency (ms)"}


@dataclass
class SearchState:
    """A loaded search state. ``points`` are the evaluated candidates in evaluation order."""
    path: Path
    header: dict
    points: List[Point]
    in_flight: List[Point] = field(default_factory=list)
    space: Any = None

    @property
    def bounds(self) -> dict:
        return self.header["bounds"]

    @property
    def target(self) -> Optional[dict]:
        """The ``TargetConfig`` the points' target figures are for (None in older states)."""
        return self.header.get("config", {}).get("target")

    @property
    def target_columns(self) -> List[str]:
        """The target figures some point records (``TARGET_OBJECTIVE_BOUNDS`` order)."""
        return [name for name in TARGET_OBJECTIVE_BOUNDS
                if any((p.target_features or {}).get(name) is not None for p in self.points)]

    @property
    def objectives(self) -> List[str]:
        """The objectives the search optimised (those with a bound)."""
        return active_objectives(self.bounds)

    @property
    def ok_points(self) -> List[Point]:
        return [p for p in self.points if p.ok]

    @property
    def in_bounds_points(self) -> List[Point]:
        return [p for p in self.points if in_bounds(p, self.bounds)]

    @property
    def weights_dir(self) -> Path:
        return self.path.with_name(self.header.get("weights_dir") or weights_dir(self.path).name)

    def weights_path(self, point: Point) -> Optional[Path]:
        """The kept ``.weights.h5`` file of ``point``, or ``None`` if it was not kept."""
        path = weights_file(self.weights_dir, point.id)
        return path if path.exists() else None

    def keras_model(self, point: Point, load_weights: bool = True):
        """A Keras model of ``point``'s architecture, with its trained weights when they were kept
        (else freshly initialised)."""
        model = self._space().to_keras_model(point.arch)
        path = self.weights_path(point) if load_weights else None
        if path is not None:
            model.load_weights(str(path))
        return model

    def resource_graph(self, point: Point, **kwargs):
        return self._space().to_resource_graph(point.arch, **kwargs)

    def _space(self):
        if self.space is None:
            raise RuntimeError(f"{self.path}: the search space "
                               f"{self.header.get('search_space', {}).get('class')!r} "
                               "could not be imported")
        return self.space


def _search_space(header: dict):
    """An instance of the search space recorded in the header, or None if it cannot be imported."""
    info = header.get("search_space") or {}
    target = info.get("class", "")
    if ":" not in target:
        return None
    module_name, class_name = target.split(":", 1)
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError):
        return None
    shape = info.get("input_shape")
    return cls(input_shape=None if shape is None else tuple(shape),
               num_classes=info.get("num_classes"), dropout=info.get("dropout", 0.0))


def load_search_state(path) -> SearchState:
    """Load a state file (with its journal). Raises ``StateFileError`` naming the file."""
    path = Path(path)
    snapshot, events = read_state(path)
    space = _search_space(snapshot)  # importing it registers its architecture class
    decode = space.architecture_from_dict if space is not None else Architecture.from_dict
    try:
        points, in_flight = merged_points(snapshot, events)
        done = [Point.from_dict(p, decode) for p in points]
        pending = [Point.from_dict(p, decode) for p in in_flight]
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise StateFileError(f"{path}: not a valid search state file "
                             f"({type(e).__name__}: {e})") from None
    return SearchState(path=path, header=snapshot, points=done, in_flight=pending, space=space)


# --- printing ------------------------------------------------------------------------------------
def _num(v, fmt="{:,}") -> str:
    return "-" if v is None else fmt.format(v)


TARGET_HEADS = {"ram_bytes": ("RAM B", 9, "{:,}"), "flash_bytes": ("flash B", 9, "{:,}"),
                "instructions": ("instr.", 13, "{:,}"), "latency_ms": ("ms", 9, "{:.2f}")}


def format_table(points: Sequence[Point], bounds: dict, target_columns: Sequence[str] = ()) -> str:
    """One row per point. "parent": the point it was morphed from, "BO" for a candidate chosen
    by Bayesian optimisation's acquisition, "-" for a random one; an "epochs" column appears
    when points were trained for their own number of epochs (multi-fidelity BO); then the
    ``target_columns`` (the target's predicted RAM, flash, instructions, milliseconds)."""
    with_epochs = any(p.epochs is not None for p in points)
    head = (f"{'id':>5} {'parent':>6} {'val err':>8} {'test err':>8} {'peak mem B':>11} "
            f"{'size B':>9} {'MACs':>12} {'sparsity':>8} " + (f"{'epochs':>6} " if with_epochs
                                                                else "")
            + "".join(f"{TARGET_HEADS[c][0]:>{TARGET_HEADS[c][1]}} " for c in target_columns)
            + " in bounds")
    rows = [head]
    for p in points:
        rf = p.resource_features or {}
        parent = "BO" if p.parent_id is None and p.origin == "acquisition" else \
            _num(p.parent_id, '{}')
        epochs = f"{_num(p.epochs, '{}'):>6} " if with_epochs else ""
        rows.append(f"{p.id:>5} {parent:>6} {_num(p.val_error, '{:.4f}'):>8} "
                    f"{_num(p.test_error, '{:.4f}'):>8} {_num(rf.get('peak_memory_usage')):>11} "
                    f"{_num(rf.get('model_size')):>9} {_num(rf.get('macs')):>12} "
                    f"{_num(p.sparsity, '{:.3f}'):>8} {epochs}"
                    + "".join(f"{_num(p.objective(c), TARGET_HEADS[c][2]):>{TARGET_HEADS[c][1]}} "
                              for c in target_columns)
                    + f" {'yes' if in_bounds(p, bounds) else 'no'}")
    return "\n".join(rows)


def report(state: SearchState, error: str = "test_error") -> str:
    """The printout: counts, the Pareto front (with ``error`` as the error objective) and the
    candidates within all bounds (the search's test: validation error), ordered by ``error``."""
    check_error(error)
    bounds = state.bounds
    failed = sum(p.status == "failed" for p in state.points)
    shown = ", ".join(f"{b} {bounds[b]:,}" for b in ALL_OBJECTIVE_BOUNDS.values()
                      if bounds.get(b) is not None)
    columns = state.target_columns
    lines = [f"{state.path}: {len(state.points)} candidates evaluated ({failed} failed"
             + (f", {len(state.in_flight)} in flight" if state.in_flight else "") + ")",
             f"bounds: {shown}; objectives: {', '.join(state.objectives)}"]
    if columns and state.target:
        t = state.target
        lines.append(f"target figures (predicted): {t['target']} with {t['kernels']} kernels; "
                     f"RAM = smallest arena + {t['stack_bytes']:,} B stack, flash = .tflite + "
                     f"{t['runtime_flash_bytes']:,} B runtime"
                     + (f", ms at {t['clock_mhz']:g} MHz" if t.get("clock_mhz") else ""))
    lines += [
             f"error shown: {ERRORS[error]}" + (" (--validation-error for the validation error)"
                                                 if error == "test_error" else ""), ""]
    front = pareto_front(state.ok_points, state.objectives, error=error)
    lines += [f"Pareto-optimal candidates by {ERRORS[error]} ({len(front)}):",
              format_table(front, bounds, columns), ""]
    good = sorted(state.in_bounds_points, key=lambda p: _sort_key(p, error))
    lines.append(f"Candidates within all bounds ({len(good)}):")
    lines.append(format_table(good, bounds, columns) if good else "  none")
    kept = [p.id for p in state.ok_points if state.weights_path(p) is not None]
    if kept:
        lines += ["", f"Trained weights kept for {len(kept)} candidates in {state.weights_dir}/"]
    return "\n".join(lines)


def _sort_key(point: Point, error: str):
    value = error_of(point, error)
    return (value is None, value if value is not None else 0.0, point.id)


def csv_lines(state: SearchState, error: str = "test_error") -> List[str]:
    """The original's CSV: a header and ``error,peak memory,model size,MACs`` per evaluated model,
    in evaluation order."""
    check_error(error)
    lines = ["Error,PMU,MS,MACs"]
    for p in state.ok_points:
        value = error_of(p, error)
        rf = p.resource_features or {}
        lines.append(f"{'' if value is None else f'{value:.4f}'},{rf.get('peak_memory_usage')},"
                     f"{rf.get('model_size')},{rf.get('macs')}")
    return lines


# --- plotting ------------------------------------------------------------------------------------
def plot_search(state: SearchState, plot_dir, error: str = "test_error") -> List[Path]:
    """Write ``pareto_<resource>.png`` for each resource and ``progress.png`` with ``error`` on
    the error axis (and one per target figure the points record); returns the paths."""
    check_error(error)
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plot_dir = Path(plot_dir)
    plot_dir.mkdir(parents=True, exist_ok=True)
    scored = [p for p in state.ok_points if error_of(p, error) is not None]
    bounds, written = state.bounds, []
    error_bound = bounds.get("error_bound")
    for resource in list(RESOURCE_FEATURES) + state.target_columns:
        ok = [p for p in scored if p.objective(resource) is not None]
        fig, ax = plt.subplots(figsize=(6.4, 4.4))
        good = [p for p in ok if in_bounds(p, bounds)]
        others = [p for p in ok if not in_bounds(p, bounds)]
        for group, style in ((others, dict(c="0.65", s=14, label="evaluated")),
                             (good, dict(c="tab:green", s=20, label="within all bounds"))):
            if group:
                ax.scatter([p.objective(resource) for p in group],
                           [error_of(p, error) for p in group], zorder=3, **style)
        front = front_2d(ok, resource, error)
        if front:
            ax.step([p.objective(resource) for p in front], [error_of(p, error) for p in front],
                    where="post", c="tab:red", lw=1.2, marker="o", ms=4, label="Pareto front")
        bound = bounds.get(ALL_OBJECTIVE_BOUNDS[resource])
        if bound is not None:
            ax.axvline(bound, c="tab:blue", ls="--", lw=1, label="bound")
        if error_bound is not None:
            ax.axhline(error_bound, c="tab:blue", ls=":", lw=1)
        if ok and max(p.objective(resource) for p in ok) > 20 * max(
                1, min(p.objective(resource) for p in ok)):
            ax.set_xscale("log")
        ax.set_xlabel(LABELS[resource])
        ax.set_ylabel(LABELS[error])
        ax.set_title(f"Error vs {LABELS[resource].split(' (')[0]} ({len(ok)} models)")
        ax.legend(fontsize=8)
        fig.tight_layout()
        written.append(plot_dir / f"pareto_{resource}.png")
        fig.savefig(written[-1], dpi=110)
        plt.close(fig)
    written.append(_plot_progress(state, plot_dir / "progress.png", plt, error))
    return written


def _plot_progress(state: SearchState, path: Path, plt, error: str) -> Path:
    bounds = state.bounds
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(6.4, 6.0), sharex=True)
    t0 = min((p.proposed_at or p.finished_at or 0.0 for p in state.points), default=0.0)
    use_time = all(p.finished_at for p in state.points)
    xs, errors, best, inb, count = [], [], [], [], 0
    for i, p in enumerate(state.points, 1):
        x = (p.finished_at - t0) / 60 if use_time else i
        value = error_of(p, error)
        if p.ok and value is not None:
            xs.append(x)
            errors.append(value)
        if in_bounds(p, bounds):
            count += 1
            prev = best[-1][1] if best else float("inf")
            best.append((x, prev if value is None else min(prev, value)))
        inb.append((x, count))
    ax1.scatter(xs, errors, s=10, c="0.6", label=ERRORS[error])
    if best:
        if inb and inb[-1][0] > best[-1][0]:
            best.append((inb[-1][0], best[-1][1]))  # carry the best on to the end
        ax1.step(*zip(*best), where="post", c="tab:green", marker=".", label="best within bounds")
    ax1.set_ylabel(LABELS[error])
    ax1.legend(fontsize=8)
    ax1.set_title(f"Search progress ({len(state.points)} candidates)")
    if inb:
        ax2.step(*zip(*inb), where="post", c="tab:blue")
    ax2.set_ylabel("candidates within bounds")
    ax2.set_xlabel("minutes since start" if use_time else "candidates evaluated")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def linear_fit(x, y) -> dict:
    """Least-squares line through (x, y) and its R^2 (as the original's ``polyfit``)."""
    import numpy as np

    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    slope, intercept = np.polyfit(x, y, 1)
    fitted = slope * x + intercept
    total = float(np.sum((y - y.mean()) ** 2))
    r2 = float(np.sum((fitted - y.mean()) ** 2) / total) if total > 0 else float("nan")
    return {"slope": float(slope), "intercept": float(intercept), "r2": r2}


def plot_latency_vs_macs(macs, series: dict, path, title: str = "Measured MCU latency vs MACs"
                         ) -> dict:
    """The original's latency-vs-MACs plot: one scatter and fitted line per series (label ->
    latencies, here instructions per inference of each TFLM kernel set) against MACs, with R^2.
    Returns label -> :func:`linear_fit`."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    macs = np.asarray(macs, dtype=float) / 1e6
    fig, ax = plt.subplots(figsize=(6.4, 4.4))
    fits = {}
    for i, (label, values) in enumerate(series.items()):
        values = np.asarray(values, dtype=float) / 1e6
        fit = linear_fit(macs, values)
        fits[label] = fit
        order = np.argsort(macs)
        ax.scatter(macs, values, s=8, alpha=0.7, color=f"C{i}",
                   label=f"{label} ($R^2$ = {fit['r2']:.3f})")
        ax.plot(macs[order], fit["slope"] * macs[order] + fit["intercept"], "-", lw=0.8,
                color=f"C{i}")
    ax.set_xlabel("MACs (M)")
    ax.set_ylabel("instructions per inference (M; not cycles)")
    ax.set_title(f"{title} ({len(macs)} models)")
    ax.grid(True, linewidth=0.5, linestyle=":")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return fits


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="search_state_processor.py",
                                description="Print and plot a μNAS search state.")
    p.add_argument("state", help="<name>_agingevosearch_state.json")
    p.add_argument("--plot-dir", help="write PNG plots here")
    p.add_argument("--validation-error", action="store_true",
                   help="show and plot the validation error instead of the test error")
    p.add_argument("--csv", action="store_true",
                   help="print the original's CSV (Error,PMU,MS,MACs) instead of the tables")
    from deploy import add_export_arguments, run_export
    add_export_arguments(p)
    args = p.parse_args(argv)
    if args.target and not args.export:
        p.error("--target needs --export DIR (the models it builds are the exported ones)")
    error = "val_error" if args.validation_error else "test_error"
    try:
        state = load_search_state(args.state)
    except StateFileError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print("\n".join(csv_lines(state, error)) if args.csv else report(state, error))
    if args.plot_dir:
        paths = plot_search(state, args.plot_dir, error)
        print("\nPlots: " + ", ".join(str(p) for p in paths))
    if args.export:
        return run_export(state, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
