"""The cheapest partial transports behind the OTMANN distance, many at a time, exactly.

One problem: row masses ``r``, column masses ``c``, costs ``C``; the value is
``min sum x_ij (C_ij - 2)`` over ``x >= 0`` with row sums ``<= r`` and column sums ``<= c``:
moving a unit costs ``C_ij``, leaving it unmatched costs the non-assignment penalty 1 on each
side (dragonfly's null layers), so only pairs cheaper than 2
ever carry mass. Each problem is solved by POT's network simplex as dragonfly poses it (a null
row and column; rows and columns without a pair cheaper than 2 left out), one Python-level
call each: POT's solver itself takes ~3-15 us per problem, the call ~1-2 us, and the arrays are
built once for all.

Problems where one side has two layers (and the other few) are solved in closed form instead, by
LP duality (``two_row_partial_transports``).
"""
from __future__ import annotations

from itertools import repeat

import numpy as np

NULL_COST = 1.0  # the non-assignment penalty (dragonfly's null layers)
_SAVED = 2 * NULL_COST  # what a unit moved instead of left unmatched saves


def null_padded(K: int, H: int, n: int, m: int, fill: float) -> np.ndarray:
    """A ``(K, H, n + 1, m + 1)`` cost array for ``cheapest_partial_transports``: real pairs set
    to ``fill``, the last row and column the null layers (1 each, 0 between them)."""
    costs = np.full((K, H, n + 1, m + 1), NULL_COST)
    costs[:, :, :n, :m] = fill
    costs[:, :, n, m] = 0.0
    return costs


def cheapest_partial_transports(costs: np.ndarray, row_masses: np.ndarray,
                                col_masses: np.ndarray) -> np.ndarray:
    """``(K, H)`` minima for ``costs`` ``(K, H, n + 1, m + 1)`` laid out as ``null_padded``
    makes them (real pairs finite; a pair that may not exchange mass is marked by any cost of 2
    or more), ``row_masses`` ``(n,)`` or ``(H, n)`` and ``col_masses`` ``(H, m)`` (masses >= 0).
    One network-simplex call per problem, all built at once: rows and columns without a pair
    cheaper than 2 get no mass (they would only go to the null layers); pairs costing 2 or more
    keep their cost (never used: the null row and column take any mass at 1 a side)."""
    from ot.lp.emd_wrap import check_result, emd_c

    K, H, n, m = costs.shape[0], costs.shape[1], costs.shape[2] - 1, costs.shape[3] - 1
    r = np.broadcast_to(np.asarray(row_masses, dtype=float), (H, n))
    c = np.broadcast_to(np.asarray(col_masses, dtype=float), (H, m))
    cheap = costs[:, :, :n, :m] < _SAVED
    rows = cheap.any(axis=3) & (r > 0)  # (K, H, n)
    cols = cheap.any(axis=2) & (c > 0)  # (K, H, m)
    R = np.where(rows, r, 0.0).sum(-1)
    D = np.where(cols, c, 0.0).sum(-1)
    values = np.zeros((K, H))
    todo = np.nonzero((R > 0) & (D > 0))
    if not len(todo[0]):
        return values
    scale = (R + D)[todo]
    a = np.empty((len(scale), n + 1))
    b = np.empty((len(scale), m + 1))
    a[:, :n] = np.where(rows[todo], r[todo[1]], 0.0)
    b[:, :m] = np.where(cols[todo], c[todo[1]], 0.0)
    a[:, n] = D[todo]
    b[:, m] = R[todo]
    a /= scale[:, None]
    b /= scale[:, None]
    b *= (a.sum(-1) / b.sum(-1))[:, None]
    M = [costs[k, h] for k, h in zip(todo[0].tolist(), todo[1].tolist())]
    its, threads = 100000, 1
    results = list(map(emd_c, a, b, M, repeat(its), repeat(threads), repeat(None), repeat(None)))
    _, value, _, _, code = zip(*results)
    for status in set(code):
        check_result(status)
    values[todo] = (np.array(value) - 1.0) * scale
    return values


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
