"""Test doubles: a tiny search space and a fake evaluator, to run the search without TensorFlow.

Architectures are ``{"width": w, "depth": d}``; the fake evaluator scores them with a smooth,
deterministic error/resource trade-off (wider and deeper = more accurate and more expensive) and can
be told to fail, sleep or kill its worker for chosen candidates. Used by the tests and by
``benchmarks/bench_search.py --fake``; importable by Ray workers (no test-only paths).
``CountingDummy``: random data that notes which process loads it.
"""
from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path
from typing import Collection, Optional

import numpy as np

from architecture import ARCHITECTURE_CLASSES, Architecture
from dataset import Dummy
from schema_types import Discrete
from search_algorithms.points import Point
from search_space import SearchSpace

ARCHITECTURE_CLASSES.setdefault("fake", "search_algorithms.testing:FakeArchitecture")

WIDTHS, DEPTHS = (1, 64), (1, 8)


class FakeArchitecture(Architecture):
    search_space_name = "fake"

    def to_keras_model(self, input_shape, num_classes, dropout=0.0, **kwargs):
        raise NotImplementedError("fake architectures have no Keras model")

    def to_resource_graph(self, input_shape, num_classes, element_type=np.uint8, batch_size=1,
                          pruned_weights=None):
        raise NotImplementedError("fake architectures have no resource graph")


class FakeSearchSpace(SearchSpace):
    name = "fake"

    def __init__(self, input_shape=(8, 8, 1), num_classes=10, dropout=0.0):
        super().__init__(input_shape, num_classes, dropout)

    @property
    def schema(self):
        return {"width": Discrete(WIDTHS), "depth": Discrete(DEPTHS)}

    def random_architecture(self, rng=None):
        return FakeArchitecture({k: t.uniform_random_value(rng) for k, t in self.schema.items()})

    def produce_morphs(self, arch, rng=None):
        morphs = []
        for key, (low, high) in (("width", WIDTHS), ("depth", DEPTHS)):
            for delta in (-4, -1, 1, 4):
                value = arch.architecture[key] + delta
                if low <= value <= high:
                    morphs.append(FakeArchitecture({**arch.architecture, key: value}))
        return morphs

    def resource_features(self, arch, sparsity=None):
        return dict(fake_scores(arch, sparsity)["resource_features"])

    def target_features(self, arch, target):
        return fake_target_figures(arch, target)


def fake_scores(arch: FakeArchitecture, sparsity: Optional[float] = None) -> dict:
    w, d = arch.architecture["width"], arch.architecture["depth"]
    keep = 1.0 - (sparsity or 0.0)
    capacity = w * d * keep
    error = 0.02 + 0.9 / (1.0 + 0.15 * capacity) + 0.004 * (d - 3) ** 2  # depth 3 trains best
    return {
        "val_error": error,
        "test_error": error + 0.005,
        "resource_features": {"peak_memory_usage": 64 * w, "model_size": int(40 * w * d * keep),
                              "macs": int(900 * w * d * keep)},
    }


def fake_target_figures(arch: FakeArchitecture, target: dict) -> dict:
    """Deployment-target figures of a fake architecture, shaped like
    ``resource_models.target_figures``'s (RAM grows with width, flash with width x depth)."""
    w, d = arch.architecture["width"], arch.architecture["depth"]
    arena = 96 * w + 1_000
    tflite = 48 * w * d + 2_000
    instructions = 5_000 * w * d
    clock = target.get("clock_mhz")
    return {"tflite_bytes": tflite, "arena_head_bytes": 96 * w, "arena_tail_bytes": 1_000,
            "arena_total_bytes": arena, "min_arena_bytes": arena + 64,
            "ram_bytes": arena + 64 + target.get("stack_bytes", 0),
            "flash_bytes": tflite + target.get("runtime_flash_bytes", 0),
            "instructions": instructions,
            "latency_ms": None if not clock else instructions / (clock * 1e3)}


class FakeEvaluator:
    """Scores fake architectures. ``fail_ids``: raise for those ids; ``fail_every``: fail every n-th
    id; ``delay``: seconds per candidate; ``die_once_on``: (id, marker path) — the first worker to
    evaluate that id exits hard (as a crashed worker), creating the marker so a retry succeeds;
    ``die_always_on``: ids whose every evaluation kills its worker; ``crash_on``: ids whose
    evaluation crashes its worker with SIGSEGV unless oneDNN's rewrites are off
    (``TF_ENABLE_ONEDNN_OPTS=0``), as TensorFlow's ``MklLayoutRewritePass`` does; ``meet``:
    (directory, n, timeout) — candidates 0..n-1 each wait until all n are being evaluated at once
    (a barrier through files, so it works across processes) and fail after ``timeout`` seconds
    otherwise; ``grow_mb``: each evaluation keeps that many more MiB of written memory (a worker
    that grows); ``record_to``: a file that gets one JSON line per finished evaluation (id,
    epochs, ``start_epoch``, ``continues`` and the ``init_weights`` it was given, as text);
    ``die_on_promotion``: a marker path — the first evaluation of a successive-halving promotion
    SIGKILLs its process (the whole search, without Ray), creating the marker so it happens once.
    ``target``: a ``TargetConfig.as_dict()`` whose fake figures (``fake_target_figures``) each
    scored point records, as the real evaluator records the predicted ones. Returns ``(point, weights)`` with a few fake weight bytes, as the real evaluator does."""

    def __init__(self, fail_ids: Collection[int] = (), fail_every: Optional[int] = None,
                 delay: float = 0.0, die_once_on: Optional[tuple] = None,
                 die_always_on: Collection[int] = (), meet: Optional[tuple] = None,
                 crash_on: Collection[int] = (), grow_mb: float = 0.0,
                 record_to: Optional[str] = None, die_on_promotion: Optional[str] = None,
                 target: Optional[dict] = None):
        self.fail_ids = set(fail_ids)
        self.target = target
        self.fail_every = fail_every
        self.delay = delay
        self.die_once_on = die_once_on
        self.die_always_on = set(die_always_on)
        self.crash_on = set(crash_on)
        self.meet = meet
        self.grow_mb = grow_mb
        self._kept: list = []
        self.record_to = record_to
        self.die_on_promotion = die_on_promotion

    def _meet(self, point: Point) -> None:
        directory, n, timeout = self.meet
        if point.id >= n:
            return
        Path(directory, str(point.id)).write_text(str(os.getpid()))
        deadline = time.time() + timeout
        while len(list(Path(directory).iterdir())) < n:
            if time.time() > deadline:
                raise RuntimeError(f"candidate {point.id} met no one within {timeout} s")
            time.sleep(0.01)

    def evaluate(self, point: Point):
        start = time.time()
        if self.meet is not None:
            self._meet(point)
        if self.die_once_on is not None and point.id == self.die_once_on[0]:
            marker = Path(self.die_once_on[1])
            if not marker.exists():
                marker.write_text(str(os.getpid()))
                os._exit(17)
        if point.id in self.die_always_on:
            os._exit(18)
        if point.id in self.crash_on and os.environ.get("TF_ENABLE_ONEDNN_OPTS") != "0":
            os.kill(os.getpid(), signal.SIGSEGV)
        if self.die_on_promotion is not None and point.continues is not None:
            marker = Path(self.die_on_promotion)
            if not marker.exists():
                marker.write_text(str(point.id))
                os.kill(os.getpid(), signal.SIGKILL)
        if self.delay:
            time.sleep(self.delay)
        if self.grow_mb:
            self._kept.append(bytearray(b"\x01") * int(self.grow_mb * 2 ** 20))
        if point.id in self.fail_ids or (self.fail_every and point.id % self.fail_every == 0):
            raise RuntimeError(f"fake training failure for candidate {point.id}")
        epochs_run = 1 if point.epochs is None else point.epochs - (
            point.start_epoch if point.init_weights is not None else 0)
        target = None if self.target is None else fake_target_figures(point.arch, self.target)
        scored = point.completed(**fake_scores(point.arch, point.sparsity),
                                 train_seconds=time.time() - start, epochs_run=epochs_run,
                                 finished_at=time.time(), target_features=target)
        if self.record_to is not None:
            with open(self.record_to, "a") as f:
                f.write(json.dumps({"id": point.id, "epochs": point.epochs,
                                    "start_epoch": point.start_epoch, "continues": point.continues,
                                    "init_weights": None if point.init_weights is None
                                    else point.init_weights.decode()}) + "\n")
        return scored, f"fake weights of candidate {point.id}".encode()


class StallingStart:
    """A ``make_evaluator`` for Ray workers: every start takes ``delay`` seconds (as TensorFlow's
    import does) and the first ``stalls`` starts hang (a start-up that never finishes). Starts are
    counted through files, so that it works across processes: ``directory/begun/`` gets one per
    start that began, ``directory/built/`` one per start that finished (building
    ``FakeEvaluator(**kwargs)``)."""

    def __init__(self, directory: str, stalls: int = 0, delay: float = 0.0, **kwargs):
        self.directory, self.stalls, self.delay, self.kwargs = directory, stalls, delay, kwargs

    def __call__(self) -> FakeEvaluator:
        begun, built = Path(self.directory, "begun"), Path(self.directory, "built")
        begun.mkdir(parents=True, exist_ok=True)
        built.mkdir(parents=True, exist_ok=True)
        started = len(list(begun.iterdir()))
        name = f"{started}-{os.getpid()}"
        (begun / name).touch()
        if started < self.stalls:
            time.sleep(3600)
        time.sleep(self.delay)
        evaluator = FakeEvaluator(**self.kwargs)
        (built / name).touch()
        return evaluator



class CountingDummy(Dummy):
    """A ``dataset.Dummy`` that appends a line to the file ``log`` in whichever process loads
    its arrays (``load <pid>``) or turns them into the trainer's tensors (``tensors <pid>
    <writeable>``: False where the arrays are a read-only shared copy)."""

    def __init__(self, log: str, **kwargs):
        super().__init__(**kwargs)
        self.log = log

    def _note(self, line: str) -> None:
        with open(self.log, "a") as f:
            f.write(line + "\n")

    def _load_arrays(self):
        self._note(f"load {os.getpid()}")
        return super()._load_arrays()

    def _split_tensors(self, split):
        self._note(f"tensors {os.getpid()} {self._arrays(split)[0].flags.writeable}")
        return super()._split_tensors(split)
