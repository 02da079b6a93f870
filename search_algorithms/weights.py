"""Keeps the trained weights of the candidates worth exporting, deletes the rest.

A worker saves each successful candidate's weights to ``<weights dir>/pending/<id>.weights.h5``.
When its result is recorded, the file moves to ``<weights dir>/<id>.weights.h5`` if the candidate
meets every bound or is on the Pareto front of the search's objectives; otherwise it is deleted,
as are kept files of points that have since dropped off the front (and are out of bounds).
"""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import Iterable, Mapping, Optional, Set

from search_algorithms.points import Point, active_objectives, in_bounds, pareto_front

log = logging.getLogger("uNAS.search")
SUFFIX = ".weights.h5"


class WeightsKeeper:
    def __init__(self, directory, bounds: Mapping[str, Optional[float]]):
        self.dir = Path(directory)
        self.pending_dir = self.dir / "pending"
        self.bounds = dict(bounds)
        self.objectives = active_objectives(self.bounds)
        self.pending_dir.mkdir(parents=True, exist_ok=True)
        self.kept: Set[int] = {int(f.name[:-len(SUFFIX)]) for f in self.dir.glob("*" + SUFFIX)
                               if f.name[:-len(SUFFIX)].isdigit()}

    def pending_path(self, point_id: int) -> Path:
        return self.pending_dir / f"{point_id}{SUFFIX}"

    def kept_path(self, point_id: int) -> Path:
        return self.dir / f"{point_id}{SUFFIX}"

    def clear_pending(self) -> None:
        """Drop files of candidates whose result was never recorded (they will be retrained)."""
        for f in self.pending_dir.glob("*" + SUFFIX):
            f.unlink(missing_ok=True)

    def adopt(self, other_dir, ids: Iterable[int]) -> None:
        """Copy kept weights of ``ids`` from another search's directory (resuming under a new name)."""
        other = Path(other_dir)
        if other.resolve() == self.dir.resolve():
            return
        for i in ids:
            src = other / f"{i}{SUFFIX}"
            if src.exists() and not self.kept_path(i).exists():
                shutil.copyfile(src, self.kept_path(i))
                self.kept.add(i)

    def settle(self, point: Point, history: Iterable[Point]) -> bool:
        """File ``point``'s weights (``history`` includes it); returns whether they were kept."""
        ok_points = [p for p in history if p.ok]
        keep = {p.id for p in pareto_front(ok_points, self.objectives)}
        keep |= {p.id for p in ok_points if in_bounds(p, self.bounds)}
        pending = self.pending_path(point.id)
        kept = False
        if pending.exists():
            if point.id in keep:
                os.replace(pending, self.kept_path(point.id))
                self.kept.add(point.id)
                kept = True
            else:
                pending.unlink()
        for i in sorted(self.kept - keep):
            self.kept_path(i).unlink(missing_ok=True)
            self.kept.discard(i)
        return kept
