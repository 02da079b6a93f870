"""Pareto fronts of evaluated points: the search keeps the weights of its front, the state processor
prints and plots fronts, the exporter exports one. Below all three, so none imports another.

The error objective is the validation error (what the search optimised), or with
``error="test_error"`` the test error (what the original's processor shows); the resource
objectives are the point's resource features.
"""
from __future__ import annotations

import math
from typing import Iterable, List, Optional, Sequence

from search_algorithms.points import OBJECTIVES, Point

#: the error a front, printout or plot uses; the original's processor shows the test error.
ERRORS = {"test_error": "test error", "val_error": "validation error"}


def check_error(error: str) -> None:
    if error not in ERRORS:
        raise ValueError(f"error must be one of {list(ERRORS)}, got {error!r}")


def error_of(point: Point, error: str) -> Optional[float]:
    """The point's test or validation error."""
    return point.test_error if error == "test_error" else point.val_error


def dominates(a: Sequence[float], b: Sequence[float]) -> bool:
    return all(x <= y for x, y in zip(a, b)) and any(x < y for x, y in zip(a, b))


def pareto_front(points: Iterable[Point], objectives: Sequence[str] = OBJECTIVES,
                 error: str = "val_error") -> List[Point]:
    """The successful points that no other successful point dominates (all objectives minimised);
    the ``val_error`` objective reads ``error``. Points with a missing or non-finite value are left
    out.

    Points are visited in lexicographic order of their objectives: anything that dominates a point
    comes before it, so each point is checked against the front found so far (O(n x front)).
    Equal points are all kept. Result is in the input order.
    """
    check_error(error)
    objectives = list(objectives)
    if not objectives:
        raise ValueError("pareto_front: no objectives given")

    def value(p: Point, o: str):
        return error_of(p, error) if o == "val_error" else p.objective(o)

    scored = []
    for i, p in enumerate(points):
        values = [value(p, o) for o in objectives] if p.ok else [None]
        if all(v is not None and math.isfinite(v) for v in values):
            scored.append((tuple(float(v) for v in values), i, p))
    scored.sort(key=lambda s: s[0])
    front: List[tuple] = []
    for s in scored:
        if not any(dominates(f[0], s[0]) for f in front):
            front.append(s)
    return [p for _, _, p in sorted(front, key=lambda s: s[1])]


def front_2d(points: Sequence[Point], resource: str, error: str = "val_error") -> List[Point]:
    """The error-vs-``resource`` Pareto front, sorted by the resource."""
    return sorted(pareto_front(points, ("val_error", resource), error=error),
                  key=lambda p: (p.objective(resource), error_of(p, error)))
