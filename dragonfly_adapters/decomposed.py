"""The OTMANN distance by label group: the same values as dragonfly's, with far fewer and smaller
transport problems.

dragonfly's problem for networks 1 and 2 (per coefficient set ``(mc, sc)``): supplies = layer
masses of 1 and a null layer holding 2's total ``T2``; demands = layer masses of 2 and a null layer
holding ``T1``; cost ``mc * mislabel + sc * struct`` between layers, 1 (the non-assignment
penalty) between a layer and the other side's null layer, 0 between the null layers. With ``x``
the mass moved between real layers, a plan costs ``T1 + T2 + sum x_ij (c_ij - 2)``: whatever real
mass is not moved goes to (comes from) a null layer at cost 1 per side, and the null layers have
room for all of it. So the optimum is ``T1 + T2`` plus, for the cheapest partial transport
(row sums <= masses of 1, column sums <= masses of 2), the sum of ``x_ij (c_ij - 2)``; only
pairs with ``c_ij < 2`` ever carry mass. Layers of different label groups (input, output,
convolutions, pooling, Add, dense) have an infinite mislabel cost (dragonfly replaces it with
7.65432e5), so that minimum splits into one independent problem per group:

- a group one network lacks adds nothing;
- a group where one network has a single layer is a fractional knapsack: fill the cheapest
  partners (``c < 2``) first; done for all networks of a batch and all coefficient sets at once;
- with POT as the solver, a group where one network has two layers and the other at most
  ``_TWO_ROW_MAX`` is solved in closed form (the LP dual's least vertex,
  ``transport.two_row_partial_transports``; faster than a POT call each, slower than the
  compiled solver);
- the other groups where both networks have two or more layers are solved group by group (one
  problem per pair, group and coefficient set), all of a row's problems in one call
  (``transport.group_transports``: the compiled transportation simplex, gathering each problem
  from the group's cost block itself, or POT's network simplex with dragonfly's null layers).

The value equals dragonfly's up to rounding (the masses are not normalised, the sums run in
another order): ~1e-15 relative, tested to 1e-9 against ``OTMANNDistanceComputer.evaluate_single``.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
from scipy.spatial.distance import cdist

from dragonfly_adapters.network import ALL_LABELS, PATH_GROUPS, PATH_TYPES, layer_group
from dragonfly_adapters.transport import (group_transports, solver_name,
                                          two_row_partial_transports)

#: The label groups the transport problem splits into (ip and op are groups of their own).
SPLIT_GROUPS = ["ip", "op", "conv", "pool", "aggr", "dense"]
_GROUP_OF_LABEL = np.array([SPLIT_GROUPS.index(layer_group(lab) or lab) for lab in ALL_LABELS])
_TWO_ROW_MAX = 4  # two layers against at most this many: closed form
_PATH_COLUMNS = 2 * len(PATH_GROUPS) * len(PATH_TYPES)  # backward and forward path lengths


def _split(features):
    """Per split group: the layer indices of a network (cached on its features)."""
    parts = features._parts
    if parts is None:
        groups = _GROUP_OF_LABEL[features.label_index]
        parts = features._parts = [np.nonzero(groups == g)[0] for g in range(len(SPLIT_GROUPS))]
    return parts


class Batch:
    """Many networks prepared to be compared with one network at a time: per split group, their
    layers side by side (network by network) and padded per network."""

    def __init__(self, features: Sequence):
        self.features = list(features)
        self.n = n = len(self.features)
        self.totals = np.array([f.total for f in self.features], dtype=float)
        self.groups = []
        for g in range(len(SPLIT_GROUPS)):
            idx = [_split(f)[g] for f in self.features]
            counts = np.array([len(i) for i in idx], dtype=np.intp)
            starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.intp)
            if counts.sum():
                paths = np.vstack([np.hstack((f.bkwd[i], f.fwd[i]))
                                   for f, i in zip(self.features, idx) if len(i)])
                labels = np.concatenate([f.label_index[i] for f, i in zip(self.features, idx)])
                masses = np.concatenate([f.masses[i] for f, i in zip(self.features, idx)])
            else:
                paths, labels, masses = np.zeros((0, _PATH_COLUMNS)), np.zeros(0, np.intp), np.zeros(0)
            width = max(int(counts.max(initial=0)), 1)
            pad = starts[:, None] + np.arange(width)[None, :]
            valid = np.arange(width)[None, :] < counts[:, None]
            pad = np.where(valid, pad, 0)
            single = np.nonzero(counts == 1)[0]
            self.groups.append(dict(counts=counts, starts=starts, paths=paths, labels=labels,
                                    masses=masses, pad=pad, valid=valid,
                                    pad_masses=np.where(valid, masses[pad] if len(masses) else 0,
                                                        0.0),
                                    single=single, single_layer=starts[single]))


def distances_to_batch(one, batch: Batch, mismatch: np.ndarray, mislabel_coeffs, struct_coeffs
                       ) -> np.ndarray:
    """``(K, n)`` optimal transport values (dragonfly's lp distance) between ``one`` and each
    network of ``batch``, for the K coefficient sets."""
    mc = np.asarray(mislabel_coeffs, dtype=float)[:, None, None]
    sc = np.asarray(struct_coeffs, dtype=float)[:, None, None]
    K, n = len(mc), batch.n
    mins = np.zeros((K, n))
    closed_forms = solver_name() == "pot"
    parts = _split(one)
    paths_one = np.hstack((one.bkwd, one.fwd))
    half = one.bkwd.shape[1]
    for g, rows in enumerate(parts):
        grp = batch.groups[g]
        if not len(rows) or not len(grp["labels"]):
            continue
        p1, p2 = paths_one[rows], grp["paths"]
        # path lengths are sums and means of a few unit steps (dyadic), so these sums are exact
        # in any order: the values dragonfly's element-wise sums give
        struct = (cdist(p1[:, :half], p2[:, :half], "cityblock") / half
                  + cdist(p1[:, half:], p2[:, half:], "cityblock") / half) / 2
        cost = mc * mismatch[np.ix_(one.label_index[rows], grp["labels"])] + sc * struct
        gain = np.minimum(cost - 2.0, 0.0)  # (K, rows, layers of the batch); < 0: worth moving
        r = one.masses[rows]
        if len(rows) == 1:  # one source: cheapest partners first, every network at once
            mins += _knapsack(gain[:, 0, :][:, grp["pad"]] * grp["valid"], grp["pad_masses"],
                              r[0])
            continue
        if len(grp["single"]):  # one sink in these networks
            cols = grp["single_layer"]
            g1 = np.moveaxis(gain[:, :, cols], 1, 2)  # (K, networks, rows)
            mins[:, grp["single"]] += _knapsack(g1, np.broadcast_to(r, g1.shape[1:]),
                                                grp["masses"][cols][None, :])
        counts = grp["counts"]
        rest = counts >= 2
        if closed_forms and len(rows) <= _TWO_ROW_MAX:  # two layers against few: closed form
            pairs = rest & ((counts == 2) if len(rows) > 2 else (counts <= _TWO_ROW_MAX))
            if pairs.any():
                mins[:, pairs] += _two_rows(cost, grp, pairs, one.masses[rows])
                rest &= ~pairs
        if rest.any():
            _solve_rest(rows, grp, cost, rest, one, mins)
    return (one.total + batch.totals)[None, :] + mins


def _knapsack(gain, capacity, supply):
    """min sum x_j gain_j with 0 <= x_j <= capacity_j, sum_j x_j <= supply (gain <= 0), along
    the last axis: the most negative gains filled first."""
    order = np.argsort(gain, axis=-1, kind="stable")
    g = np.take_along_axis(gain, order, axis=-1)
    c = np.take_along_axis(np.broadcast_to(capacity, gain.shape), order, axis=-1)
    before = np.cumsum(c, axis=-1) - c
    x = np.clip(np.minimum(c, np.asarray(supply)[..., None] - before), 0.0, None)
    return (x * g).sum(-1)


def _two_rows(cost, grp, networks, masses):
    """The group's partial transports against ``networks`` where one side has two layers and
    the other at most ``_TWO_ROW_MAX`` (``transport.two_row_partial_transports``): ``(K, n)``."""
    n = cost.shape[1]
    if n == 2:  # this network's two layers against the others' (padded to _TWO_ROW_MAX)
        pad = grp["pad"][networks, :_TWO_ROW_MAX]
        block = np.moveaxis(cost[:, :, pad], 1, 2)  # (K, networks, 2, width)
        width = pad.shape[1]
        return two_row_partial_transports(block, masses, grp["pad_masses"][networks, :width])
    pad = grp["pad"][networks, :2]  # the others' two layers against this network's n
    block = np.moveaxis(cost[:, :, pad], 1, 3)  # (K, networks, 2, n)
    return two_row_partial_transports(block, grp["pad_masses"][networks, :2], masses)


def _solve_rest(rows, grp, cost, networks, one, mins):
    """A group where both networks have more layers than the closed forms take: one partial
    transport per (network of ``networks``, coefficient set), in one call
    (``transport.group_transports``). One group at a time: a union of the groups (layers of
    different groups never exchange mass) poses the same minimum with more arcs, and the
    simplex takes longer over them."""
    which = np.nonzero(networks)[0]
    mins[:, which] += group_transports(cost, one.masses[rows], grp["pad"][which],
                                       grp["counts"][which], grp["masses"])
