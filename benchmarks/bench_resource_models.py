"""Benchmark: the exact peak-memory search of resource_models.

    .venv/bin/python benchmarks/bench_resource_models.py [--random N] [--wide N] [--forks N]
                                                         [--repeats R] [--seed S] [--no-per-graph]

1. Every graph of shared/reference/resource_graphs.json: the time of ``peak_memory_usage`` (ms,
   best of --repeats, the graph's cache cleared before each run) next to the time the original
   μNAS took for it (the record's ``reference_pmu_seconds``), and the totals. A figure that differs
   from the record is flagged MISMATCH.
2. --random N architectures of the CNN search space (``cnn.CnnSearchSpace().random_architecture``)
   at each input shape (28,28,1), (32,32,3), (49,40,1): total, mean, max and p99 of the time per
   graph (building the graph is not timed). Skipped, with the reason, when cnn cannot be imported.
3. --wide N architectures of the CNN space with as many parallel paths as it allows (ten conv
   blocks, all but the first two of them branches: nine paths from one tensor), per shape.
4. --forks N synthetic forks of ten paths of 3-4 operators each (1x1/3x3 convolutions, depthwise
   convolutions, pools, random widths) joined by one Add, built directly with resource_models.

Figures only: nothing is asserted about the times (the machine may be shared; use --repeats).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import numpy as np  # noqa: E402

from resource_models.graph import Graph  # noqa: E402
from resource_models.models import peak_memory_usage  # noqa: E402
from resource_models.ops import Add, Conv2D, Dense, DWConv2D, Input, Pool  # noqa: E402
from resource_models.serialization import graph_from_dict  # noqa: E402

REFERENCE_CANDIDATES = [os.path.join(ROOT, "test", "data", "reference_resource_graphs.json"),
                        os.path.join(ROOT, "..", "shared", "reference", "resource_graphs.json"),
                        "/work/shared/reference/resource_graphs.json"]
SHAPES = [(28, 28, 1), (32, 32, 3), (49, 40, 1)]


def time_peak(g, repeats):
    """(peak bytes, best time in seconds over `repeats` cold runs)."""
    best, peak = float("inf"), None
    for _ in range(repeats):
        g._cache.clear()
        start = time.perf_counter()
        peak = peak_memory_usage(g)
        best = min(best, time.perf_counter() - start)
    return peak, best


def summary(label, seconds):
    ms = sorted(1000 * s for s in seconds)
    p99 = ms[min(len(ms) - 1, int(round(0.99 * (len(ms) - 1))))]
    print(f"{label:<34} n={len(ms):<5} total {sum(ms):9.1f} ms   mean {statistics.fmean(ms):7.3f} ms"
          f"   p99 {p99:7.3f} ms   max {ms[-1]:7.3f} ms")


def bench_reference(repeats, per_graph):
    path = next((p for p in REFERENCE_CANDIDATES if os.path.exists(p)), None)
    print("== reference graphs (shared/reference/resource_graphs.json) ==")
    if path is None:
        print("skipped: reference file not found")
        return
    with open(path) as f:
        records = json.load(f)
    ours, theirs, mismatches = [], [], 0
    if per_graph:
        print(f"{'#':>3} {'tag':<27} {'branches':>8} {'ops':>4} {'ours ms':>9} {'original ms':>12} {'speed-up':>9}")
    for i, record in enumerate(records):
        g = graph_from_dict(record)
        peak, seconds = time_peak(g, repeats)
        ok = peak == record["peak_memory_usage"]
        mismatches += not ok
        ours.append(seconds)
        theirs.append(record["reference_pmu_seconds"])
        if per_graph:
            print(f"{i:>3} {record['tag']:<27} {record['num_branch_blocks']:>8} {len(record['ops']):>4} "
                  f"{1000 * seconds:>9.3f} {1000 * record['reference_pmu_seconds']:>12.3f} "
                  f"{record['reference_pmu_seconds'] / seconds:>8.0f}x" + ("" if ok else "  MISMATCH"))
    slowest = max(range(len(records)), key=lambda i: ours[i])
    print(f"total: ours {1000 * sum(ours):.1f} ms, original {1000 * sum(theirs):.1f} ms "
          f"({len(records)} graphs, {mismatches} mismatches); slowest here #{slowest} "
          f"{1000 * ours[slowest]:.3f} ms (original {1000 * theirs[slowest]:.1f} ms); "
          f"slowest originally #{max(range(len(records)), key=lambda i: theirs[i])} "
          f"{1000 * max(theirs):.1f} ms, here {1000 * ours[max(range(len(records)), key=lambda i: theirs[i])]:.3f} ms")
    summary("reference graphs", ours)


def import_cnn():
    try:
        from cnn import CnnArchitecture, CnnSearchSpace
        return CnnSearchSpace, CnnArchitecture
    except Exception as e:          # the package may be missing or broken while it is written
        return f"{type(e).__name__}: {e}"


def bench_random(n, seed, repeats):
    print(f"== {n} random architectures of the CNN space per input shape ==")
    cnn = import_cnn()
    if isinstance(cnn, str):
        print(f"skipped: cannot import cnn ({cnn})")
        return
    CnnSearchSpace, _ = cnn
    everything = []
    for shape in SHAPES:
        space = CnnSearchSpace()
        space.input_shape, space.num_classes = shape, 10
        seconds = []
        for k in range(n):
            arch = space.random_architecture(np.random.default_rng(seed + k))
            seconds.append(time_peak(space.to_resource_graph(arch), repeats)[1])
        summary(f"CNN space {shape}", seconds)
        everything += seconds
    summary("CNN space, all shapes", everything)


def bench_wide(n, seed, repeats):
    print(f"== {n} CNN-space architectures per shape with nine parallel paths in one group ==")
    cnn = import_cnn()
    if isinstance(cnn, str):
        print(f"skipped: cannot import cnn ({cnn})")
        return
    CnnSearchSpace, CnnArchitecture = cnn
    everything = []
    for shape in SHAPES:
        space = CnnSearchSpace()
        space.input_shape, space.num_classes = shape, 10
        rng = np.random.default_rng(seed)
        seconds = []
        while len(seconds) < n:
            arch = space.random_architecture(rng).architecture
            blocks = []
            while len(blocks) < 10:         # blocks drawn from other random architectures
                blocks += space.random_architecture(rng).architecture["conv_blocks"]
            blocks = [dict(b, is_branch=c >= 2) for c, b in enumerate(blocks[:10])]
            g = space.to_resource_graph(CnnArchitecture(dict(arch, conv_blocks=blocks)))
            seconds.append(time_peak(g, repeats)[1])
        summary(f"nine paths {shape}", seconds)
        everything += seconds
    summary("nine paths, all shapes", everything)


def ten_path_fork(rng):
    """A stem, ten paths of 3-4 operators from its output, an Add, a classifier."""
    g = Graph(np.uint8)
    with g.as_current():
        x = Input((1, 32, 32, 3))
        src = Conv2D(int(rng.integers(4, 64)), 3, stride=2, name="stem")(x)
        channels = int(rng.integers(4, 64))
        ends = []
        for _ in range(10):
            t = src
            for j in range(int(rng.integers(3, 5))):
                r = rng.random()
                if r < 0.2 and min(t.shape[1:3]) > 2:
                    t = Pool(2)(t)
                elif r < 0.4:
                    t = DWConv2D(3)(t)
                else:
                    k = 3 if rng.random() < 0.5 and min(t.shape[1:3]) > 3 else 1
                    t = Conv2D(int(rng.integers(1, 128)), k)(t)
            ends.append(Conv2D(channels, 1)(t) if t.shape[-1] != channels else t)
        y = Add(all_equal_shape=len({t.shape for t in ends}) == 1)(ends)
        g.add_output(Dense(10, preflatten_input=True)(y))
    return g


def bench_forks(n, seed, repeats):
    print(f"== {n} synthetic forks of ten paths of 3-4 operators ==")
    rng = np.random.default_rng(seed)
    summary("ten-path forks", [time_peak(ten_path_fork(rng), repeats)[1] for _ in range(n)])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--random", type=int, default=1000, metavar="N",
                        help="random CNN architectures per input shape (default 1000; 0 skips)")
    parser.add_argument("--wide", type=int, default=100, metavar="N",
                        help="nine-path CNN architectures per input shape (default 100; 0 skips)")
    parser.add_argument("--forks", type=int, default=200, metavar="N",
                        help="synthetic ten-path forks (default 200; 0 skips)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per graph, best kept (default 3)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-per-graph", action="store_true", help="only totals for the reference graphs")
    args = parser.parse_args(argv)
    bench_reference(args.repeats, not args.no_per_graph)
    if args.random:
        bench_random(args.random, args.seed, args.repeats)
    if args.wide:
        bench_wide(args.wide, args.seed, args.repeats)
    if args.forks:
        bench_forks(args.forks, args.seed, args.repeats)


if __name__ == "__main__":
    main()
