"""Keeps the trained weights of the candidates worth exporting, and only those.

A worker sends each successful candidate's ``.weights.h5`` file back with its result (bytes). When
the result is recorded, the file is written (atomically) to ``<weights dir>/<id>.weights.h5`` if
the candidate meets every bound or is on the Pareto front of the search's objectives; files of
points that have since dropped off the front (and are out of bounds) are deleted. A found model is
then rebuilt without retraining::

    model = space.to_keras_model(point.arch)
    model.load_weights("<weights dir>/<id>.weights.h5")
"""
from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Iterable, Mapping, Optional, Set

from search_algorithms.pareto import pareto_front
from search_algorithms.points import Point, active_objectives, in_bounds
from search_algorithms.state import atomic_write_bytes

log = logging.getLogger("uNAS.search")
SUFFIX = ".weights.h5"


def weights_file(directory, point_id: int) -> Path:
    return Path(directory) / f"{point_id}{SUFFIX}"


class WeightsKeeper:
    def __init__(self, directory, bounds: Mapping[str, Optional[float]]):
        self.dir = Path(directory)
        self.bounds = dict(bounds)
        self.objectives = active_objectives(self.bounds)
        self.kept: Set[int] = set()
        if self.dir.is_dir():
            self.kept = {int(f.name[:-len(SUFFIX)]) for f in self.dir.glob("*" + SUFFIX)
                         if f.name[:-len(SUFFIX)].isdigit()}

    def kept_path(self, point_id: int) -> Path:
        return weights_file(self.dir, point_id)

    def clear(self) -> None:
        """Delete every kept weights file (they belong to an earlier search under this name)."""
        for i in sorted(self.kept):
            self.kept_path(i).unlink(missing_ok=True)
        self.kept.clear()

    def adopt(self, other_dir, ids: Iterable[int]) -> None:
        """Copy kept weights of ``ids`` from another search's directory (resuming under a new name)."""
        other = Path(other_dir)
        if not other.is_dir() or (self.dir.exists() and other.resolve() == self.dir.resolve()):
            return
        for i in ids:
            src = weights_file(other, i)
            if src.exists() and not self.kept_path(i).exists():
                self.dir.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, self.kept_path(i))
                self.kept.add(i)

    def worth_keeping(self, history: Iterable[Point]) -> Set[int]:
        """Ids of the successful points that are in bounds or on the Pareto front."""
        ok_points = [p for p in history if p.ok]
        keep = {p.id for p in pareto_front(ok_points, self.objectives)}
        keep |= {p.id for p in ok_points if in_bounds(p, self.bounds)}
        return keep

    def settle(self, point: Point, history: Iterable[Point], weights: Optional[bytes]) -> bool:
        """File ``point``'s ``weights`` (``history`` includes ``point``); returns whether they
        were kept. Also deletes the files of earlier points no longer worth keeping."""
        keep = self.worth_keeping(history)
        kept = False
        if weights is not None and point.id in keep:
            try:
                atomic_write_bytes(self.kept_path(point.id), weights)
                self.kept.add(point.id)
                kept = True
            except OSError as e:  # a full disk must not stop the search
                log.warning("Could not save the weights of candidate %d: %s", point.id, e)
        for i in sorted(self.kept - keep):
            self.kept_path(i).unlink(missing_ok=True)
            self.kept.discard(i)
        return kept
