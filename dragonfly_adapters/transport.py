"""The cheapest partial transports behind the OTMANN distance, many at a time, exactly.

One problem: row masses ``r``, column masses ``c``, costs ``C``; the value is ``min sum x_ij (C_ij - 2)`` over ``x >= 0`` with row sums ``<= r``
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

from itertools import repeat
from typing import Optional, Sequence

import numpy as np

NULL_COST = 1.0  # the non-assignment penalty (dragonfly's null layers)
_SAVED = 2 * NULL_COST  # what a unit moved instead of left unmatched saves
#: A plan counts as optimal at another end when its value there is within this share of the
#: problem's total mass of the solved minimum (rounding is ~1e-15 of it).
CERTIFY_RTOL = 1e-12


def cheapest_partial_transports(costs: np.ndarray, row_masses: np.ndarray,
                                col_masses: np.ndarray,
                                along: Optional[Sequence[float]] = None) -> np.ndarray:
    """``(K, H)`` minima for ``costs`` ``(K, H, n, m)`` (finite; a pair that may not exchange
    mass is marked by any cost of 2 or more), ``row_masses`` ``(n,)`` or ``(H, n)`` and
    ``col_masses`` ``(H, m)`` (masses >= 0). ``along``: ``t_k`` with ``costs[k] = A + t_k B``
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

    order = np.argsort(np.asarray(along, dtype=float), kind="stable")
    lo, hi = order[0], order[-1]
    values[lo], plan_left = _solve(costs[lo], r, c, everyone, plans=True)
    values[hi], plan_hi = _solve(costs[hi], r, c, everyone, plans=True)
    tol = CERTIFY_RTOL * (r.sum(-1) + c.sum(-1))
    hs = np.arange(H)
    hi_plan_at = np.array([_plan_value(plan_hi, costs[k]) for k in range(K)])
    left_k = np.full(H, lo)
    value_left = values[lo].copy()
    left_plan_at_hi = _plan_value(plan_left, costs[hi])
    for k in order[1:-1]:
        left_holds = left_plan_at_hi <= values[hi] + tol  # the left end's plan optimal at hi
        hi_holds = hi_plan_at[left_k, hs] <= value_left + tol  # hi's plan optimal at the left
        values[k] = np.where(left_holds, _plan_value(plan_left, costs[k]), hi_plan_at[k])
        rest = ~(left_holds | hi_holds)
        if rest.any():  # solved here; k becomes their left end
            solved, plan_k = _solve(costs[k], r, c, rest, plans=True)
            values[k, rest] = solved[rest]
            plan_left[rest] = plan_k[rest]
            value_left[rest] = solved[rest]
            left_k[rest] = k
            left_plan_at_hi[rest] = _plan_value(plan_k[rest], costs[hi][rest])
    return values


def _plan_value(plan, costs):
    """``sum x_ij (C_ij - 2)`` per problem."""
    return np.einsum("hij,hij->h", plan, costs) - _SAVED * plan.sum((-2, -1))


def _solve(costs, r, c, which, plans=False):
    """POT's network simplex on the problems ``which`` (others: 0) for one cost matrix each:
    (values ``(H,)``, plans ``(H, n, m)`` or None). Rows and columns without a pair cheaper
    than 2 are left out; pairs costing 2 or more keep their cost (never used: a null row and
    column take any mass at 1 a side), and a plan keeps only the pairs cheaper than 2."""
    from ot.lp.emd_wrap import check_result, emd_c

    H, n, m = costs.shape
    values = np.zeros(H)
    plan = np.zeros((H, n, m)) if plans else None
    cheap = costs < _SAVED
    rows = cheap.any(axis=2) & (r > 0)
    cols = cheap.any(axis=1) & (c > 0)
    R = np.where(rows, r, 0.0).sum(-1)
    D = np.where(cols, c, 0.0).sum(-1)
    todo = np.nonzero(which & (R > 0) & (D > 0))[0]
    if not len(todo):
        return values, plan
    scale = (R + D)[todo]
    a = np.empty((len(todo), n + 1))
    b = np.empty((len(todo), m + 1))
    a[:, :n] = np.where(rows[todo], r[todo], 0.0)
    b[:, :m] = np.where(cols[todo], c[todo], 0.0)
    a[:, n] = D[todo]
    b[:, m] = R[todo]
    a /= scale[:, None]
    b /= scale[:, None]
    b *= (a.sum(-1) / b.sum(-1))[:, None]
    M = np.full((len(todo), n + 1, m + 1), NULL_COST)
    M[:, :n, :m] = costs[todo]
    M[:, n, m] = 0.0
    its, threads = 100000, 1
    results = list(map(emd_c, a, b, M, repeat(its), repeat(threads), repeat(None), repeat(None)))
    G, value, _, _, code = zip(*results)
    for status in set(code):
        check_result(status)
    values[todo] = (np.array(value) - 1.0) * scale
    if plans:
        plan[todo] = np.stack(G)[:, :n, :m] * scale[:, None, None]
        plan *= cheap
    return values, plan


def two_row_partial_transports(costs: np.ndarray, row_masses: np.ndarray,
                               col_masses: np.ndarray) -> np.ndarray:
    """The minima of problems with two rows, without a solver: ``costs`` ``(..., 2, m)``,
    ``row_masses`` ``(..., 2)``, ``col_masses`` ``(..., m)`` (broadcast against each other).

    By LP duality the minimum is ``-min F(u)`` over ``u >= 0``, ``F(u) = r.u + sum_j c_j
    max(0, w_1j - u_1, w_2j - u_2)`` with the savings ``w = max(2 - C, 0)``: a convex
    piecewise-linear function of two variables, least at a vertex of the lines where its pieces
    meet (``u_i = 0``, ``u_i = w_ij``, ``u_1 - u_2 = w_1j - w_2j``). F is evaluated at all of their
    intersections (``~3 m^2``; meant for small ``m``)."""
    w = np.maximum(_SAVED - np.asarray(costs, dtype=float), 0.0)
    r = np.asarray(row_masses, dtype=float)
    c = np.asarray(col_masses, dtype=float)
    w1, w2 = w[..., 0, :], w[..., 1, :]
    zero = np.zeros(w1.shape[:-1] + (1,))
    s1 = np.concatenate((zero, w1), axis=-1)  # (..., m+1): u_1 on a vertical line
    s2 = np.concatenate((zero, w2), axis=-1)
    d = w1 - w2  # u_1 - u_2 on a diagonal line
    u1 = np.concatenate([np.broadcast_to(s1[..., :, None], s1.shape + s2.shape[-1:]).reshape(
                            s1.shape[:-1] + (-1,)),
                         np.repeat(s1, d.shape[-1], axis=-1),
                         (s2[..., :, None] + d[..., None, :]).reshape(s2.shape[:-1] + (-1,))],
                        axis=-1)
    u2 = np.concatenate([np.tile(s2, s1.shape[-1]),
                         (s1[..., :, None] - d[..., None, :]).reshape(s1.shape[:-1] + (-1,)),
                         np.repeat(s2, d.shape[-1], axis=-1)], axis=-1)
    u1 = np.maximum(u1, 0.0)  # clipped points are feasible too: F there bounds the minimum
    u2 = np.maximum(u2, 0.0)
    excess = np.maximum(np.maximum(w1[..., None, :] - u1[..., :, None],
                                   w2[..., None, :] - u2[..., :, None]), 0.0)
    F = (r[..., 0, None] * u1 + r[..., 1, None] * u2
         + np.einsum("...pj,...j->...p", excess, np.broadcast_to(c, w1.shape)))
    return -F.min(axis=-1)
