#!/usr/bin/env python
"""Benchmark: what a search finds by each minute of wall time, with and without the search-cost
options of issue 21 (an anytime curve per variant and seed).

    .venv/bin/python benchmarks/bench_search_quality.py CONFIG --minutes M --seeds S
        [--variants default,screen,halving,all] [--screen-factor F] [--eta ETA]
        [--min-epochs N] [--epochs N] [--workers W] [--plot PNG] [--keep DIR]
        [--from-runs DIR[,DIR...]]

Each variant runs ``driver.py`` on CONFIG with the options set (``default``: all off, μNAS's
search; ``screen``: ``screen_factor``; ``halving``: ``halving_eta``/``halving_min_epochs``;
``all``: both), seed 1..S, an unbounded number of rounds, and is stopped with SIGTERM (which saves
the state) after M minutes. Wall time counts from the driver's start (Ray, TensorFlow and data
loading included, as a user waits for them). From each state file: the best test error of a
candidate within all bounds (and its validation error) among those finished by each minute, plus
candidates trained, in bounds and screened. Prints the tables (and the median over seeds per
variant), and draws the test-error curves into ``--plot``. Record with
``benchmarks/record.py NAME -- .venv/bin/python benchmarks/bench_search_quality.py ...``.
The options' values default to the config's when it sets them, else ``--screen-factor`` (2),
``--eta`` (3) and ``--min-epochs`` (a third of the epochs, at least 1).
``--from-runs`` runs nothing: it reads runs kept by earlier ``--keep`` invocations, each from the
first directory that holds it, so that runs recorded one seed at a time (or the default from its
own config) come together in one table and plot; a run in none of them is left out, with a line.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from search_algorithms.points import in_bounds, Point  # noqa: E402
from search_algorithms.screening import screening_totals  # noqa: E402
from search_algorithms.state import STATE_SUFFIXES, merged_points, read_state  # noqa: E402

VARIANTS = ("default", "screen", "halving", "all")


def variant_options(variant: str, base_search, epochs: int, args) -> dict:
    factor = getattr(base_search, "screen_factor", None) or args.screen_factor
    eta = getattr(base_search, "halving_eta", None) or args.eta
    low = getattr(base_search, "halving_min_epochs", None) or args.min_epochs \
        or max(1, epochs // 3)
    screen = {"screen_factor": factor} if variant in ("screen", "all") else \
        {"screen_factor": None}
    if not hasattr(base_search, "halving_eta"):
        if variant in ("halving", "all"):
            raise SystemExit(f"error: {type(base_search).__name__} has no successive halving "
                             f"(variant {variant!r})")
        return screen
    halving = {"halving_eta": eta, "halving_min_epochs": low} if variant in ("halving", "all") \
        else {"halving_eta": None, "halving_min_epochs": None}
    return {**screen, **halving}


VARIANT_CONFIG = textwrap.dedent("""
    # Written by benchmarks/bench_search_quality.py: {config} with {options}.
    import dataclasses, runpy
    _base = runpy.run_path({config!r}, run_name="__uNAS_config__")
    if "search_algorithm" in _base:
        search_algorithm = _base["search_algorithm"]
    training_config, bound_config = _base["training_config"], _base["bound_config"]
    search_config = dataclasses.replace(_base["search_config"], **{options!r})
""")


def run_variant(config: str, options: dict, seed: int, minutes: float, workers, work: Path,
                name: str, epochs=None) -> dict:
    """Run the driver for ``minutes``, stop it with SIGTERM, read its state."""
    vconfig = work / f"{name}.py"
    vconfig.write_text(VARIANT_CONFIG.format(config=str(Path(config).resolve()),
                                             options=options))
    cmd = [sys.executable, str(ROOT / "driver.py"), str(vconfig), "--name", name, "--seed",
           str(seed), "--rounds", "1000000", "--checkpoint-dir", str(work)]
    if workers:
        cmd += ["--workers", str(workers)]
    if epochs:
        cmd += ["--epochs", str(epochs)]
    log = open(work / f"{name}.log", "w")
    start = time.time()
    (work / f"{name}.start").write_text(repr(start))
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        proc.wait(timeout=minutes * 60)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGTERM)   # = Ctrl-C: the driver saves its state, stops Ray
        try:
            proc.wait(timeout=300)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    log.close()
    return read_run(work, name)


def find_run(dirs, name: str) -> Optional[Path]:
    """The first of ``dirs`` that holds the kept run ``name`` (its variant config), or None."""
    return next((d for d in dirs if (d / f"{name}.py").exists()), None)


def read_run(work: Path, name: str) -> dict:
    """A finished run's start time, bounds and points (journal applied)."""
    start_file = work / f"{name}.start"
    start = float(start_file.read_text()) if start_file.exists() \
        else (work / f"{name}.py").stat().st_mtime   # written just before the driver started
    path = next((work / f"{name}{s}" for s in STATE_SUFFIXES if (work / f"{name}{s}").exists()),
                None)
    if path is None:
        raise SystemExit(f"error: {name}: no state file; see {work / (name + '.log')}:\n"
                         + (work / f"{name}.log").read_text()[-2000:])
    snapshot, events = read_state(path)
    points, _ = merged_points(snapshot, events)
    return {"start": start, "bounds": snapshot["bounds"], "points": points}


class _Arch:  # in_bounds needs only the scores, not the architecture
    @staticmethod
    def decode(d):
        return None


def anytime(run: dict, minutes: int, epochs=None, reference: int = 0) -> dict:
    """The run's anytime figures. Only fully trained candidates count as found (with successive
    halving, a point below the final rung, ``epochs`` < the run's ``epochs``, does not), though
    every point counts as trained. ``reference``: also the best in-bounds validation error among
    the first ``reference`` candidates to finish (failed ones included) and the time the last of
    them finished (``ref_val``, ``ref_minutes``), and when the run first had each in-bounds
    validation error (``val_steps``)."""
    points = [Point.from_dict(p, _Arch.decode) for p in run["points"]]
    full = [p for p in points if p.rung is None or epochs is None or p.epochs == epochs]
    good = [p for p in full if in_bounds(p, run["bounds"]) and p.finished_at is not None]
    steps, best_test = [], None     # (minutes, best test error) at each improvement
    val_steps, best_val = [], None
    for p in sorted(good, key=lambda p: p.finished_at):
        if p.test_error is not None and (best_test is None or p.test_error < best_test):
            best_test = p.test_error
            steps.append(((p.finished_at - run["start"]) / 60, best_test))
        if best_val is None or p.val_error < best_val:
            best_val = p.val_error
            val_steps.append(((p.finished_at - run["start"]) / 60, best_val))
    curve_test, curve_val = [], []
    for m in range(1, minutes + 1):
        done = [p for p in good if p.finished_at <= run["start"] + 60 * m]
        best = min(done, key=lambda p: (p.val_error, p.id), default=None)
        curve_val.append(None if best is None else best.val_error)
        curve_test.append(min((p.test_error for p in done if p.test_error is not None),
                              default=None))
    out = {"test": curve_test, "val": curve_val, "steps": steps, "val_steps": val_steps,
           "trained": len(points), "full": len(full), "in_bounds": len(good),
           "screened": screening_totals(points).get("total", 0),
           "failed": sum(not p.ok for p in points)}
    if reference:
        finished = sorted((p for p in full if p.finished_at is not None),
                          key=lambda p: p.finished_at)[:reference]
        if len(finished) == reference:
            last = finished[-1].finished_at
            out["ref_minutes"] = (last - run["start"]) / 60
            out["ref_val"] = min((p.val_error for p in good if p.finished_at <= last),
                                 default=None)
    return out


def time_to_reach(run: dict, val_error) -> Optional[float]:
    """Minutes until the run first had an in-bounds candidate with validation error <=
    ``val_error`` (None: never)."""
    if val_error is None:
        return None
    return next((t for t, v in run["val_steps"] if v <= val_error + 1e-12), None)


def fmt(x) -> str:
    return "   -  " if x is None else f"{x:6.4f}"


def median(values):
    """The median over seeds, a seed with none found (None) counting as worse than any error:
    with 2 of 3 seeds at 0.10 and 0.11, the median is 0.11, not their mean; None when at least
    half the seeds have none (the middle value, or one of the middle two, is none)."""
    m = statistics.median(float("inf") if v is None else v for v in values)
    return None if m == float("inf") else m


def plot(results: dict, minutes: int, path: str, title: str) -> list:
    """One step curve per variant and seed (colour: variant, line style: seed), each in the legend
    by name, a seed with none in bounds as an empty entry saying so; returns the legend's labels."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(7, 4.2))
    colours = dict(zip(VARIANTS, ("tab:gray", "tab:blue", "tab:orange", "tab:green")))
    for variant, runs in results.items():
        for i, (seed, r) in enumerate(runs.items()):
            style = dict(color=colours.get(variant), linestyle=("-", "--", ":", "-.")[i % 4])
            if not r["steps"]:
                ax.plot([], [], label=f"{variant}, seed {seed}: none in bounds", **style)
                continue
            xs = [t for t, _ in r["steps"]] + [minutes]
            ys = [e for _, e in r["steps"]] + [r["steps"][-1][1]]
            ax.step(xs, ys, where="post", alpha=0.85, marker="o", markersize=3,
                    label=f"{variant}, seed {seed}", **style)
    ax.set_xlim(0, minutes)
    ax.set_xlabel("wall time (minutes)")
    ax.set_ylabel("best in-bounds test error")
    ax.set_title(title, fontsize=9)
    ax.grid(alpha=0.3)
    labels = ax.get_legend_handles_labels()[1]
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return labels


def print_reference(results: dict, n: int) -> None:
    """Per seed: the default's best in-bounds validation error among its first ``n`` candidates
    and the minutes they took; for each other variant (same seed), the minutes until it had an
    in-bounds candidate that good, and that as a fraction of the default's time."""
    print(f"\nTime to the default's best in-bounds val error of its first {n} candidates")
    others = [v for v in results if v != "default"]
    print("seed  default: val  minutes | " + " | ".join(f"{v}: minutes (fraction)"
                                                       for v in others))
    fractions: dict = {v: [] for v in others}
    for seed, ref in results["default"].items():
        if "ref_minutes" not in ref or ref["ref_val"] is None:
            print(f"{seed:4}  the default's first {n} candidates: "
                  + ("fewer finished" if "ref_minutes" not in ref else "none in bounds"))
            continue
        cells = []
        for v in others:
            run = results[v].get(seed)
            t = None if run is None else time_to_reach(run, ref["ref_val"])
            frac = None if t is None else t / ref["ref_minutes"]
            fractions[v].append(frac)
            cells.append("never" if t is None else f"{t:6.2f} ({frac:.2f})")
        print(f"{seed:4}  {fmt(ref['ref_val'])} {ref['ref_minutes']:7.2f} | " + " | ".join(cells))
    for v in others:
        known = [f for f in fractions[v] if f is not None]
        med = median(fractions[v]) if fractions[v] else None   # None from median(): never
        print(f"median fraction {v}: "
              + ("-" if not fractions[v] else "never" if med is None else f"{med:.2f}")
              + f" ({len(known)} of {len(fractions[v])} seeds reached it)")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("config")
    p.add_argument("--minutes", type=float, required=True)
    p.add_argument("--seeds", type=int, default=1, help="how many seeds (default 1)")
    p.add_argument("--first-seed", type=int, default=1, help="the first seed (default 1)")
    p.add_argument("--variants", default=",".join(VARIANTS))
    p.add_argument("--screen-factor", type=float, default=2.0)
    p.add_argument("--eta", type=int, default=3)
    p.add_argument("--min-epochs", type=int)
    p.add_argument("--workers", type=int)
    p.add_argument("--epochs", type=int, help="training epochs per candidate (the final rung), "
                                              "overriding the config's for every variant")
    p.add_argument("--plot", help="PNG file for the curves (default: none)")
    p.add_argument("--keep", help="directory to keep the runs' states and logs in")
    p.add_argument("--reference", type=int, default=0, metavar="N",
                   help="also report, per seed, how long each variant took to reach the best "
                        "in-bounds validation error of the default's first N candidates")
    p.add_argument("--from-runs", metavar="DIR[,DIR...]", help="run nothing: read the runs kept "
                   "in these directories (earlier --keep), each from the first that holds it, and "
                   "print/plot them again")
    args = p.parse_args(argv)
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        print(f"error: --variants: unknown {unknown}; known: {', '.join(VARIANTS)}",
              file=sys.stderr)
        return 2
    import runpy
    base = runpy.run_path(args.config, run_name="__uNAS_config__")
    epochs = args.epochs or base["training_config"].epochs
    minutes = int(args.minutes + 0.999)
    kept = [Path(d) for d in args.from_runs.split(",") if d] if args.from_runs else []
    work = kept[0] if kept else Path(args.keep or tempfile.mkdtemp(prefix="bench-quality-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"config {args.config}, {args.minutes} min per run, seeds {args.first_seed}..{args.first_seed + args.seeds - 1}, workers "
          f"{args.workers or 'config default'}; runs in {work}")
    results: dict = {}
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        for variant in variants:   # variants alternate, so machine load hits them alike
            options = variant_options(variant, base["search_config"], epochs, args)
            name = f"{variant}_s{seed}"
            print(f"{time.strftime('%H:%M:%S')} {name}: {options}", flush=True)
            if kept:
                where = find_run(kept, name)
                if where is None:
                    print(f"  {name}: in none of {args.from_runs}; left out", flush=True)
                    continue
                run = read_run(where, name)
            else:
                run = run_variant(args.config, options, seed, args.minutes, args.workers, work,
                                  name, args.epochs)
            results.setdefault(variant, {})[seed] = r = anytime(run, minutes, epochs,
                                                                args.reference)
            print(f"  trained {r['trained']} ({r['failed']} failed), in bounds {r['in_bounds']}, "
                  f"screened {r['screened']}; best in-bounds test error by minute: "
                  + " ".join(fmt(x).strip() for x in r["test"]), flush=True)
    print("\nBest in-bounds TEST error by minute of wall time (val error of the same-minute "
          "best-val candidate in the second table; '-': none in bounds yet)")
    header = "variant  seed " + " ".join(f"{m:>6}" for m in range(1, minutes + 1))
    for key in ("test", "val"):
        print(f"\n[{key}]\n{header}")
        for variant, runs in results.items():
            for seed, r in runs.items():
                print(f"{variant:8} {seed:4} " + " ".join(fmt(x) for x in r[key]))
            if len(runs) > 1:
                med = [median([r[key][m] for r in runs.values()]) for m in range(minutes)]
                print(f"{variant:8} {'med':>4} " + " ".join(fmt(x) for x in med))
    print("\nvariant  seed trained  full failed in_bounds screened   (full: at the final rung)")
    for variant, runs in results.items():
        for seed, r in runs.items():
            print(f"{variant:8} {seed:4} {r['trained']:7} {r['full']:5} {r['failed']:6} "
                  f"{r['in_bounds']:9} {r['screened']:8}")
    if args.reference and "default" in results:
        print_reference(results, args.reference)
    if args.plot:
        plot(results, minutes, args.plot, f"{Path(args.config).name}, {args.minutes} min, "
                                          f"{args.seeds} seed(s)")
        print(f"\nplot: {args.plot}")
    print("json:", json.dumps({v: {str(s): r for s, r in runs.items()}
                               for v, runs in results.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
