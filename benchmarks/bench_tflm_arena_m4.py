#!/usr/bin/env python
"""TFLM's whole arena on the Cortex-M4 predicted from the flatbuffer (resource_models.tflm_arena,
``target="cortex-m4"``) against the firmware harness's measurement (mcu.harness in QEMU): head,
tail and total (RecordingMicroAllocator) and the smallest arena that prepares and runs (bisection
on bytes, one firmware run per probe), for TFLM's reference kernels and for CMSIS-NN's, on the
same models as benchmarks/bench_tflm_arena.py: the models TFLM ships (test/data/tflm_models: SVDF,
two LSTMs, int16 convolutions, TinyML examples), the foreign Keras test networks (plus a wide
TRANSPOSE_CONV that CMSIS-NN runs as a convolution) and random CNN and MLP architectures from the
search spaces, converted as the export converts them.

    .venv/bin/python benchmarks/bench_tflm_arena_m4.py [--cnn 10] [--mlp 5] [--seed 0]
        [--kernels reference cmsis-nn] [--exported] [--models-dir DIR ...] [--only NAME ...]

``--exported``: each model of the first three kinds also as the export writes it (NAME@exported:
resource_models.tflite_order's best operator order, with an offline memory plan where it lowers
the head), when that differs from the converter's flatbuffer.
``--models-dir``: every .tflite in a folder as well, e.g. the original's random generator's
(``generate_tflite_models.py --count 20 --seed 1 --out-dir DIR``: 64x64x3 CNNs up to 250 kB).

A prediction the model refuses (an operator whose kernel is not modelled) counts as not exact.
"""
import argparse
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

FIGURES = ("head", "tail", "total", "min")


def compare(path: Path, kernels: str):
    """(predicted, measured): dicts of head, tail, total, min (bytes); predicted is the refusal's
    message when resource_models refuses the model."""
    from mcu.harness import measure
    from resource_models.errors import ResourceModelError
    from resource_models.tflite import read_tflite
    from resource_models.tflm_arena import arena_figures

    try:
        a = arena_figures(read_tflite(path), "cortex-m4", kernels)
        predicted = dict(zip(FIGURES, (a.head_bytes, a.tail_bytes, a.total_bytes,
                                       a.min_arena_bytes)))
    except ResourceModelError as e:
        predicted = str(e)
    m = measure(path, kernels, warmup=0, repeats=1, x86=False)
    measured = dict(zip(FIGURES, (m.arena_head_bytes, m.arena_tail_bytes, m.arena_total_bytes,
                                  m.min_arena_bytes)))
    return predicted, measured


def _with_exported(models, directory: Path, exported: bool):
    """Each (name, path), followed with ``exported`` by (NAME@exported, path) of the flatbuffer
    deploy.export_model writes for it, when that differs."""
    from resource_models.tflite import read_tflite
    from resource_models.tflite_order import optimise

    for name, path in models:
        yield name, path
        if exported:
            flatbuffer = optimise(read_tflite(path)).flatbuffer
            if flatbuffer != path.read_bytes():
                written = directory / f"{name}@exported.tflite"
                written.write_bytes(flatbuffer)
                yield f"{name}@exported", written


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cnn", type=int, default=10, help="random CNN architectures")
    p.add_argument("--mlp", type=int, default=5, help="random MLP architectures")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--kernels", nargs="+", default=["reference", "cmsis-nn"],
                   choices=["reference", "cmsis-nn"])
    p.add_argument("--exported", action="store_true",
                   help="also each model as the export writes it (reordered, offline plan)")
    p.add_argument("--models-dir", nargs="*", default=[], type=Path,
                   help="folders of .tflite files to compare as well")
    p.add_argument("--only", nargs="*", help="only the models of these names")
    args = p.parse_args(argv)

    for folder in args.models_dir:
        if not sorted(folder.glob("*.tflite")):
            print(f"error: --models-dir {folder}: no .tflite files", file=sys.stderr)
            return 2

    from bench_tflm_arena import FOREIGN, _models

    exact = {k: dict.fromkeys(FIGURES, 0) for k in args.kernels}
    counted = dict.fromkeys(args.kernels, 0)
    wrong = []
    print(f"{'model':<30} {'kernels':<9} {'predicted head/tail/total/min':>30}   "
          f"{'measured head/tail/total/min':>30}  {'s':>4}")
    with tempfile.TemporaryDirectory() as tmp:
        models = itertools.chain(
            _with_exported(_models(Path(tmp), args.cnn, args.mlp, args.seed,
                                   FOREIGN + ("transpose_conv_wide",)), Path(tmp), args.exported),
            ((f"{folder.name}/{path.stem}", path) for folder in args.models_dir
             for path in sorted(folder.glob("*.tflite"))))
        for name, path in models:
            if args.only and name not in args.only:
                continue
            for kernels in args.kernels:
                start = time.monotonic()
                predicted, measured = compare(path, kernels)
                counted[kernels] += 1
                shown = "/".join(f"{measured[f]}" for f in FIGURES)
                if isinstance(predicted, str):
                    wrong.append((name, kernels, "refused"))
                    print(f"{name:<30} {kernels:<9} {'refused':>30}   {shown:>30}  "
                          f"{time.monotonic() - start:4.0f}   {predicted}", flush=True)
                    continue
                differ = [f for f in FIGURES if predicted[f] != measured[f]]
                for f in FIGURES:
                    exact[kernels][f] += f not in differ
                if differ:
                    wrong.append((name, kernels, ", ".join(
                        f"{f} {predicted[f] - measured[f]:+d}" for f in differ)))
                note = f"   DIFFERS: {', '.join(differ)}" if differ else ""
                print(f"{name:<30} {kernels:<9} "
                      f"{'/'.join(str(predicted[f]) for f in FIGURES):>30}   {shown:>30}  "
                      f"{time.monotonic() - start:4.0f}{note}", flush=True)
    print()
    for kernels in args.kernels:
        e = exact[kernels]
        print(f"{kernels}: {counted[kernels]} models: predicted = measured for head {e['head']}, "
              f"tail {e['tail']}, total {e['total']}, smallest arena {e['min']}")
    print(f"differences (predicted - measured): {wrong or 'none'}")
    return 0 if not wrong else 1


if __name__ == "__main__":
    sys.exit(main())
