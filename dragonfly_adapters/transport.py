"""The cheapest partial transports behind the OTMANN distance, many at a time, exactly.

One problem: row masses ``r``, column masses ``c``, costs ``C`` (``inf``: the pair may never
exchange mass); the value is ``min sum x_ij (C_ij - 2)`` over ``x >= 0`` with row sums ``<= r``
and column sums ``<= c``: moving a unit costs ``C_ij``, leaving it unmatched costs the
non-assignment penalty 1 on each side (dragonfly's null layers), so only pairs cheaper than 2
ever carry mass. Each problem is solved by POT's network simplex as dragonfly poses it (a null
row and column; rows and columns without a pair cheaper than 2 left out).

The OTMANN coefficient sets give ``K`` cost matrices per pair of networks that lie on one segment,
``C_k = A + t_k B`` (the mislabel coefficients are equal, only the structural one ``t_k``
differs). Along a segment the minimum is concave in ``t``, and the value of a fixed plan is
linear in ``t``: a plan optimal at both ends of an interval is optimal everywhere inside it (the
minimum lies below the plan's line and above the chord between the ends, which is that line).
So only the ends are solved; an inner ``t`` is solved only for the problems where neither end's
plan is also optimal at the other end (the check: its value there is the solved minimum to
``1e-12`` of the masses), and becomes the left end for the next one. The values are POT's
optima to rounding; halves the simplex calls of an ask.
"""
from __future__ import annotations

from typing import Optional, Sequence

import numpy as np

NULL_COST = 1.0  # the non-assignment penalty (dragonfly's null layers)
_SAVED = 2 * NULL_COST  # what a unit moved instead of left unmatched saves
_NEVER = 3.0  # pairs that may not exchange mass, in POT's matrix: dearer than two null moves
#: A plan counts as optimal at another end when its value there is within this share of the
#: problem's total mass of the solved minimum (rounding is ~1e-15 of it).
CERTIFY_RTOL = 1e-12


def cheapest_partial_transports(costs: np.ndarray, row_masses: np.ndarray,
                                col_masses: np.ndarray,
                                along: Optional[Sequence[float]] = None) -> np.ndarray:
    """``(K, H)`` minima for ``costs`` ``(K, H, n, m)``, ``row_masses`` ``(n,)`` or ``(H, n)``
    and ``col_masses`` ``(H, m)`` (masses >= 0). ``along``: ``t_k`` with ``costs[k] = A + t_k B``
    for every problem (each then solved only where the segment requires it); ``None``: every
    ``k`` solved."""
    costs = np.asarray(costs, dtype=float)
    K, H, n, m = costs.shape
    r = np.broadcast_to(np.asarray(row_masses, dtype=float), (H, n))
    c = np.broadcast_to(np.asarray(col_masses, dtype=float), (H, m))
    values = np.zeros((K, H))
    everyone = np.ones(H, dtype=bool)
    if along is None or K < 3:
        for k in range(K):
            values[k] = _solve(costs[k], r, c, everyone)[0]
        return values

    finite = np.where(np.isfinite(costs), costs, _NEVER)  # for the plans' values
    order = np.argsort(np.asarray(along, dtype=float), kind="stable")
    lo, hi = order[0], order[-1]
    values[lo], plan_lo = _solve(costs[lo], r, c, everyone, plans=True)
    values[hi], plan_hi = _solve(costs[hi], r, c, everyone, plans=True)
    tol = CERTIFY_RTOL * (r.sum(-1) + c.sum(-1))
    hs = np.arange(H)
    left_k = np.full(H, lo)
    plan_left, value_left = plan_lo, values[lo].copy()
    at_hi_of_left = _plan_value(plan_left, finite[hi])
    for k in order[1:-1]:
        left_holds = at_hi_of_left <= values[hi] + tol  # the left end's plan optimal at hi
        hi_holds = _plan_value(plan_hi, finite[left_k, hs]) <= value_left + tol
        values[k] = np.where(left_holds, _plan_value(plan_left, finite[k]),
                             _plan_value(plan_hi, finite[k]))
        rest = ~(left_holds | hi_holds)
        if rest.any():  # solved here; k becomes their left end
            solved, plan_k = _solve(costs[k], r, c, rest, plans=True)
            values[k, rest] = solved[rest]
            plan_left = np.where(rest[:, None, None], plan_k, plan_left)
            value_left = np.where(rest, solved, value_left)
            left_k = np.where(rest, k, left_k)
            at_hi_of_left = np.where(rest, _plan_value(plan_k, finite[hi]), at_hi_of_left)
    return values


def _plan_value(plan, costs):
    """``sum x_ij (C_ij - 2)`` per problem; ``costs`` finite (a plan never uses a forbidden
    pair: ``_solve`` keeps only pairs cheaper than 2, and forbidden ones are so for every k)."""
    return np.einsum("hij,hij->h", plan, costs) - _SAVED * plan.sum((-2, -1))


def _solve(costs, r, c, which, plans=False):
    """POT's network simplex on the problems ``which`` (others: 0) for one cost matrix each:
    (values ``(H,)``, plans ``(H, n, m)`` or None). A plan keeps only the pairs cheaper than 2
    (the others save nothing)."""
    from ot.lp.emd_wrap import check_result, emd_c

    H, n, m = costs.shape
    cheap = costs < _SAVED
    a = np.zeros((H, n + 1))
    b = np.zeros((H, m + 1))
    a[:, :n] = np.where(cheap.any(axis=2) & (r > 0), r, 0.0)
    b[:, :m] = np.where(cheap.any(axis=1), c, 0.0)
    R = a[:, :n].sum(-1)
    D = b[:, :m].sum(-1)
    scale = R + D
    todo = which & (R > 0) & (D > 0)
    a[:, n] = D
    b[:, m] = R
    safe = np.where(todo, scale, 1.0)[:, None]
    a /= safe
    b /= safe
    b *= (a.sum(-1) / np.where(todo, b.sum(-1), 1.0))[:, None]
    M = np.empty((H, n + 1, m + 1))
    M[:, :n, :m] = np.where(np.isfinite(costs), np.minimum(costs, _SAVED), _NEVER)
    M[:, n, :] = NULL_COST
    M[:, :, m] = NULL_COST
    M[:, n, m] = 0.0

    values = np.zeros(H)
    plan = np.zeros((H, n, m)) if plans else None
    for h in np.nonzero(todo)[0].tolist():
        G, value, _, _, code = emd_c(a[h], b[h], M[h], 100000, 1, None, None)
        check_result(code)
        values[h] = (value - 1.0) * scale[h]
        if plans:
            plan[h] = G[:n, :m]
    if plans:
        plan *= scale[:, None, None]
        plan[~cheap] = 0.0
    return values, plan
