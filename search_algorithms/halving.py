"""Multi-fidelity aging evolution (issue 21, off by default): asynchronous successive halving
(ASHA; Li et al., "A System for Massively Parallel Hyperparameter Tuning", 2018) on training
epochs.

A new candidate trains for the first rung's epochs. Whenever a worker is free, the oracle first
looks for a promotion, from the highest rung down: a candidate at rung k that is among the best
``floor(n_k / eta)`` of the ``n_k`` candidates that succeeded at rung k so far, and not yet
promoted, trains on to rung k + 1 as a new point (``Point.continues`` = its id). Only if there is
none does a new candidate start. As in ASHA, nothing waits for a rung to fill, so several workers
stay busy, and a candidate may be promoted later, once enough others were seen at its rung.

Everything the rule needs is in the points (``rung``, ``continues``, ``val_error``), so a resumed
search promotes exactly as the uninterrupted one would: a promotion in flight is re-queued, a
candidate between rungs is still promotable, and nothing already trained is trained again.

A promoted candidate continues from its trained weights (``ContinuingPool``): the weights of every
successful point below the final rung are kept on disk (``<weights dir>/rungs/<id>.weights.h5``)
and travel to the worker with the promotion (``Point.init_weights``), as results travel back, so
workers on other machines need no shared file system.
"""
from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Iterable, List, Optional, Sequence

from search_algorithms.points import Point
from search_algorithms.state import atomic_write_bytes

log = logging.getLogger("uNAS.search")
SUFFIX = ".weights.h5"


class Halving:
    """The rungs (epochs trained in all at each, increasing; the last is the full training) and
    the reduction factor ``eta``."""

    def __init__(self, rungs: Sequence[int], eta: int):
        rungs = [int(r) for r in rungs]
        if len(rungs) < 2 or any(a >= b for a, b in zip(rungs, rungs[1:])) or rungs[0] < 1:
            raise ValueError(f"rungs must be at least two increasing epoch counts, got {rungs}")
        if int(eta) < 2:
            raise ValueError(f"eta must be >= 2, got {eta!r}")
        self.rungs = rungs
        self.eta = int(eta)

    @property
    def final(self) -> int:
        return len(self.rungs) - 1

    def is_final(self, point: Point) -> bool:
        return point.rung is None or point.rung >= self.final

    def promotable(self, history: Iterable[Point], pending: Iterable[Point]) -> Optional[Point]:
        """The point to promote next (ASHA's rule), or None: from the highest non-final rung down,
        the best (lowest validation error, then lowest id) of the successful points at that rung
        that rank in its best ``floor(n / eta)`` and have no promotion yet."""
        history = list(history)
        promoted = {p.continues for p in [*history, *pending] if p.continues is not None}
        for rung in range(self.final - 1, -1, -1):
            seen = sorted((p for p in history if p.ok and p.rung == rung),
                          key=lambda p: (p.val_error, p.id))
            top = seen[:len(seen) // self.eta]
            for p in top:
                if p.id not in promoted:
                    return p
        return None

    def promotion(self, source: Point, new_id: int, proposed_at: float) -> Point:
        """The point that trains ``source``'s candidate on to the next rung. It goes straight to a
        worker with oneDNN's rewrites off when ``source`` crashed its worker: the same
        architecture crashes it again (13 of 13 such promotions in a Fashion-MNIST run), and each
        crash costs a worker's restart."""
        rung = source.rung + 1
        return Point(id=new_id, arch=source.arch, parent_id=source.parent_id,
                     origin=source.origin, sparsity=source.sparsity, epochs=self.rungs[rung],
                     rung=rung, continues=source.id, start_epoch=source.epochs,
                     proposed_at=proposed_at, onednn_disabled=source.onednn_disabled)


class RungWeights:
    """Trained weights of points below the final rung, by point id, in one directory."""

    def __init__(self, directory):
        self.dir = Path(directory)

    def path(self, point_id: int) -> Path:
        return self.dir / f"{point_id}{SUFFIX}"

    def put(self, point_id: int, data: bytes) -> None:
        try:
            atomic_write_bytes(self.path(point_id), data)
        except OSError as e:  # a full disk: the promotion retrains from scratch
            log.warning("Could not keep the weights of candidate %d for its promotion: %s",
                        point_id, e)

    def get(self, point_id: int) -> Optional[bytes]:
        try:
            return self.path(point_id).read_bytes()
        except OSError:
            return None

    def discard(self, point_id: int) -> None:
        self.path(point_id).unlink(missing_ok=True)

    def clear(self) -> None:
        if self.dir.is_dir():
            shutil.rmtree(self.dir)

    def adopt(self, other_dir, ids: Iterable[int]) -> None:
        """Copy the weights of ``ids`` from another search's rung directory (a resume under a
        new name)."""
        other = Path(other_dir)
        if not other.is_dir() or (self.dir.exists() and other.resolve() == self.dir.resolve()):
            return
        for i in ids:
            src = other / f"{i}{SUFFIX}"
            if src.exists() and not self.path(i).exists():
                self.dir.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, self.path(i))


class ContinuingPool:
    """A worker pool wrapper that gives a promotion the weights it continues from and keeps the
    weights of each successful point below the final rung; otherwise the wrapped pool's.

    The weights file is written before the runner records the result, so a recorded point below
    the final rung always has its weights (unless the disk refused them: then its promotion
    retrains from scratch, which the log says)."""

    def __init__(self, pool, halving: Halving, store: RungWeights):
        self.pool = pool
        self.halving = halving
        self.store = store

    @property
    def size(self) -> int:
        return self.pool.size

    def has_free_worker(self) -> bool:
        return self.pool.has_free_worker()

    def num_running(self) -> int:
        return self.pool.num_running()

    def submit(self, point: Point) -> None:
        if point.continues is not None and point.init_weights is None:
            point.init_weights = self.store.get(point.continues)
            if point.init_weights is None:
                log.warning("No kept weights of #%d: its promotion #%d trains from scratch.",
                            point.continues, point.id)
        self.pool.submit(point)

    def wait_any(self, timeout: Optional[float] = None):
        outcome = self.pool.wait_any(timeout=timeout)
        if outcome is None:
            return None
        point = outcome.point
        point.init_weights = None
        if point.ok and outcome.weights is not None and not self.halving.is_final(point):
            self.store.put(point.id, outcome.weights)
        if point.ok and point.continues is not None:
            self.store.discard(point.continues)   # promoted once: never needed again
        return outcome

    def shutdown(self) -> None:
        self.pool.shutdown()

    def __getattr__(self, name):
        """Anything else (counters, new pool features) is the wrapped pool's."""
        if name == "pool":
            raise AttributeError(name)
        return getattr(self.pool, name)


def rung_weights_dir(weights_dir) -> Path:
    return Path(weights_dir) / "rungs"


def rungs_of(points: List[Point]) -> dict:
    """``{rung: count}`` of the successful points (for the display)."""
    counts: dict = {}
    for p in points:
        if p.ok and p.rung is not None:
            counts[p.rung] = counts.get(p.rung, 0) + 1
    return counts
