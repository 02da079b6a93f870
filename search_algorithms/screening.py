"""Bound-aware proposals (issue 21, off by default): a candidate whose exact resource figures
exceed a bound by more than a factor is not worth training, and is not proposed.

The figures come from the candidate's resource graph (milliseconds, no training), so screening
costs the search almost nothing, while training a candidate far outside the bounds costs as much
as any other (on Digits, 42 % of the training time went to candidates more than 2x over a bound).
Trained candidates are scored exactly as without screening; the draws screened before a proposal
are recorded on it (``Point.screened``), so the state says how many were screened and why.

With pruning, a target sparsity shrinks the model size (scaled by ``1 - sparsity``, as μNAS's BO
estimates it); the peak memory and MACs that structured pruning removes are unknown before
training, so under pruning only the model size is screened. Bounds on the deployment target's
figures (``BoundConfig.target_*``) are screened the same way, from the figures predicted for the
unpruned architecture (so not under pruning either).
"""
from __future__ import annotations

from typing import Callable, Dict, Mapping, Optional, Tuple

from search_algorithms.points import (ALL_OBJECTIVE_BOUNDS, RESOURCE_FEATURES,
                                      TARGET_OBJECTIVE_BOUNDS)

TOTAL, LIMIT = "total", "limit"


class Screen:
    """Which bounds a draw exceeds by more than ``factor``; at most ``max_draws`` draws screened
    per proposal (then the least-over one is proposed, so a search never stalls on screening)."""

    def __init__(self, space, bounds: Mapping[str, Optional[float]], factor: float,
                 max_draws: int = 50, pruning=None, target: Optional[dict] = None):
        if not factor > 1:
            raise ValueError(f"screen factor must be > 1, got {factor!r}")
        self.space = space
        self.factor = float(factor)
        self.max_draws = int(max_draws)
        self.target = target   # TargetConfig.as_dict(), for the target bounds
        features = ["model_size"] if pruning is not None else list(RESOURCE_FEATURES)
        if pruning is None and target is not None:
            features += list(TARGET_OBJECTIVE_BOUNDS)
        self.limits = {name: self.factor * bounds[ALL_OBJECTIVE_BOUNDS[name]] for name in features
                       if bounds.get(ALL_OBJECTIVE_BOUNDS[name]) is not None}

    def excess(self, arch, sparsity) -> Dict[str, float]:
        """``{feature: figure / (factor * bound)}`` for each feature over its screening limit."""
        if not self.limits:
            return {}
        figures = self.space.resource_features(arch, sparsity)
        if any(name in TARGET_OBJECTIVE_BOUNDS for name in self.limits):
            figures.update(self.space.target_features(arch, self.target))
        ratios = {name: figures[name] / limit for name, limit in self.limits.items()}
        return {name: r for name, r in ratios.items() if r > 1.0}

    def draw(self, draw: Callable[[], Tuple]) -> Tuple[object, Optional[float], Dict[str, int]]:
        """Call ``draw() -> (arch, sparsity)`` until a draw passes, or until ``max_draws`` draws
        were over a limit (then the least-over of them is proposed, and ``limit`` set). Returns
        the proposed draw and the counts of the draws not proposed (``{}``: none)."""
        rejected = []   # (worst ratio, arch, sparsity, features over)
        chosen, limit = None, False
        while chosen is None:
            arch, sparsity = draw()
            over = self.excess(arch, sparsity)
            if not over:
                chosen = (arch, sparsity)
            else:
                rejected.append((max(over.values()), arch, sparsity, over))
                if len(rejected) >= self.max_draws:
                    least = min(range(len(rejected)), key=lambda i: rejected[i][0])
                    _, arch, sparsity, _ = rejected.pop(least)
                    chosen, limit = (arch, sparsity), True
        counts: Dict[str, int] = {}
        if rejected:
            counts[TOTAL] = len(rejected)
            for *_, over in rejected:
                for name in over:
                    counts[name] = counts.get(name, 0) + 1
        if limit:
            counts[LIMIT] = 1
        return chosen[0], chosen[1], counts


def screening_totals(points) -> Dict[str, int]:
    """The screened draws behind ``points``, summed (``total``, per feature, ``limit``)."""
    totals: Dict[str, int] = {}
    for p in points:
        for k, v in (p.screened or {}).items():
            totals[k] = totals.get(k, 0) + v
    return totals
