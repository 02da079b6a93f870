"""μNAS's OTMANN distance between candidate networks (dragonfly's optimal-transport distance).

The distance compares two layer graphs (see ``network.py``) by the cheapest transport of layer
mass between them, where moving mass between layers costs their label mismatch (μNAS's costs) plus
the difference of their structural positions (shortest/longest/random-walk path lengths from the
input and to the output, overall and per layer group), with μNAS's coefficients per group.

dragonfly's GP reads only the first ``len(otmann_mislabel_coeffs)`` (4, its default) coefficient
groups of the distances, i.e. the all/conv/pool/aggr groups; μNAS configured five (+dense), whose
two distances were computed for every pair and then ignored. ``UnasDistance(used_groups=4)``
computes only what the kernel reads (identical kernel values, a fifth fewer transport problems);
``used_groups=5`` is μNAS's computation, kept for the equivalence test and the benchmark.
"""
from __future__ import annotations

import contextlib

import numpy as np

from dragonfly_adapters.network import (ALL_LABELS, PATH_GROUPS, PATH_TYPES,
                                        label_mismatch_costs)
from dragonfly_adapters.numpy_compat import import_dragonfly_module, numpy_patched

STRUCT_GROUPS = PATH_GROUPS  # the structural penalty groups: the layer groups' path lengths
MISLABEL_COEFFS = {"all": 1.0, "conv": 1.0, "pool": 1.0, "aggr": 1.0, "dense": 1.0}
STRUCT_COEFFS = {"all": 0.1, "conv": 0.25, "pool": 0.61, "aggr": 0.2, "dense": 1.5}
PATH_LENGTH_TYPES = PATH_TYPES
DIST_TYPE = "lp-emd"
NON_ASSIGNMENT_PENALTY = 1.0
REPLACE_COST_INF_WITH = 7.65432e5  # dragonfly's otmann.REPLACE_COST_INF_WITH
#: How many coefficient groups dragonfly's NN kernel reads (its otmann_*_coeffs options).
KERNEL_GROUPS = 4

_cls = None


def _distance_class():
    global _cls
    if _cls is None:
        base = import_dragonfly_module("dragonfly.nn.otmann").OTMANNDistanceComputer

        class _Distance(base):
            def __init__(self, used_groups: int, fast_ot: bool = True, decompose: bool = True):
                super().__init__(
                    all_layer_labels=ALL_LABELS,
                    label_mismatch_penalty=label_mismatch_costs(ALL_LABELS,
                                                                NON_ASSIGNMENT_PENALTY),
                    non_assignment_penalty=NON_ASSIGNMENT_PENALTY,
                    structural_penalty_groups=STRUCT_GROUPS,
                    path_length_types=PATH_LENGTH_TYPES,
                    dflt_mislabel_coeffs=[MISLABEL_COEFFS[g] for g in STRUCT_GROUPS][:used_groups],
                    dflt_struct_coeffs=[STRUCT_COEFFS[g] for g in STRUCT_GROUPS][:used_groups],
                    dflt_dist_type=DIST_TYPE, connectivity_diff_cost_function="linear")
                self.used_groups = used_groups
                self.fast_ot = fast_ot
                self.decompose = decompose

            def evaluate(self, X1, X2, *args, **kwargs):
                """Distances between lists of ``CandidateNetwork``s (or dragonfly networks):
                ``2 * used_groups`` matrices, entry (i, j) being ``evaluate_single(X1[i], X2[j])``
                (pairs i <= j computed and mirrored when ``X2`` is ``X1`` or None)."""
                with numpy_patched():
                    symmetric = X2 is None or X1 is X2
                    X2 = X1 if symmetric else X2
                    if self.fast_ot and not args and not kwargs and len(X1) and len(X2):
                        # The same network given many times (dragonfly's BOCA evaluates one
                        # candidate at ~100 fidelities) is computed once, its rows repeated.
                        u1, i1 = _unique(X1)
                        u2, i2 = (u1, i1) if symmetric else _unique(X2)
                        if len(u1) < len(X1) or len(u2) < len(X2):
                            unique = self.evaluate(u1, u1 if symmetric else u2)
                            return [d[np.ix_(i1, i2)] for d in unique]
                        if self.decompose:
                            return self._by_groups(X1, X2)
                    nets1 = [_as_network(x) for x in X1]
                    nets2 = nets1 if symmetric else [_as_network(x) for x in X2]
                    if not self.fast_ot or args or kwargs or not nets1 or not nets2:
                        return super().evaluate(nets1, nets2, *args, **kwargs)
                    return self._batched(nets1, nets2, symmetric)

            def prepare(self, X):
                """``X`` (networks) prepared for ``rows``: the decomposed distances of one
                network to each of ``X``."""
                from dragonfly_adapters.decomposed import Batch
                return Batch([_features(x) for x in X])

            def rows(self, x, batch):
                """``evaluate([x], X)`` for ``batch = prepare(X)``: ``2 * used_groups`` arrays of
                shape (1, len(X)), by the label-group decomposition (``decomposed.py``)."""
                from dragonfly_adapters.decomposed import distances_to_batch
                one = _features(x)
                lp = distances_to_batch(one, batch, self.label_mismatch_penalty,
                                        self.dflt_mislabel_coeffs, self.dflt_struct_coeffs)
                lp = np.maximum(lp, 0.0)
                totals = one.total + batch.totals
                out = []
                for k in range(len(lp)):
                    out.extend([lp[k][None, :], (lp[k] / totals)[None, :]])
                return out

            def _by_groups(self, X1, X2):
                """``evaluate`` by the label-group decomposition: one row (or column) at a time
                against the longer list (the distance is symmetric). A network's distances to
                itself are 0 (all its layers matched at no cost), as dragonfly finds them."""
                if len(X1) == len(X2) == 1 and X1[0] is X2[0]:
                    return [np.zeros((1, 1)) for _ in range(2 * self.used_groups)]
                if len(X1) <= len(X2):
                    batch = self.prepare(X2)
                    rows = [self.rows(x, batch) for x in X1]
                    return [np.vstack([r[k] for r in rows]) for k in range(2 * self.used_groups)]
                batch = self.prepare(X1)
                cols = [self.rows(x, batch) for x in X2]
                return [np.vstack([c[k] for c in cols]).T.copy()
                        for k in range(2 * self.used_groups)]

            def _batched(self, nets1, nets2, symmetric):
                """``evaluate`` with the cost matrices of one network against many built in one
                array operation (element-wise, so each pair's matrix is bit for bit the one
                ``evaluate_single`` builds), and the masses normalised once per pair."""
                n1, n2 = len(nets1), len(nets2)
                out = [np.zeros((n1, n2)) for _ in range(2 * self.used_groups)]

                def put(i, j, values):
                    for k, v in enumerate(values):
                        out[k][i, j] = v
                        if symmetric:
                            out[k][j, i] = v

                if symmetric or n1 <= n2:  # one row at a time, batched over the columns
                    for i, x1 in enumerate(nets1):
                        cols = range(i, n2) if symmetric else range(n2)
                        for j, values in zip(cols, self._one_to_many(x1, [nets2[j] for j in cols],
                                                                     many_first=False)):
                            put(i, j, values)
                else:  # one column at a time, batched over the rows
                    for j, x2 in enumerate(nets2):
                        for i, values in enumerate(self._one_to_many(x2, nets1, many_first=True)):
                            put(i, j, values)
                return out

            def _one_to_many(self, one, many, many_first):
                """Distance values of (one, m) for each m in ``many`` (of (m, one) when
                ``many_first``), as ``_distances`` computes them."""
                b_one, f_one = _path_lengths(self, one)
                paths = [_path_lengths(self, m) for m in many]
                b_many = np.vstack([p[0] for p in paths])
                f_many = np.vstack([p[1] for p in paths])
                i_one = _label_index(self, one)
                i_many = np.concatenate([_label_index(self, m) for m in many])
                if many_first:
                    struct = (self._get_cost_matrix_for_fwd_or_bkwd(b_many, b_one)
                              + self._get_cost_matrix_for_fwd_or_bkwd(f_many, f_one)) / 2
                    mislabel = self.label_mismatch_penalty[np.ix_(i_many, i_one)]
                else:
                    struct = (self._get_cost_matrix_for_fwd_or_bkwd(b_one, b_many)
                              + self._get_cost_matrix_for_fwd_or_bkwd(f_one, f_many)) / 2
                    mislabel = self.label_mismatch_penalty[np.ix_(i_one, i_many)]
                joint = [mc * mislabel + sc * struct
                         for mc, sc in zip(self.dflt_mislabel_coeffs, self.dflt_struct_coeffs)]
                for cost in joint:  # the padding added below is finite
                    cost[~np.isfinite(cost)] = REPLACE_COST_INF_WITH
                bounds = np.cumsum([0] + [len(p[0]) for p in paths])
                nap = self.non_assignment_penalty
                for k, m in enumerate(many):
                    x1, x2 = (m, one) if many_first else (one, m)
                    lo, hi = bounds[k], bounds[k + 1]
                    problem = _Problem(x1, x2)
                    values = []
                    for cost in joint:
                        block = cost[lo:hi] if many_first else cost[:, lo:hi]
                        M = np.empty((block.shape[0] + 1, block.shape[1] + 1))
                        M[:-1, :-1] = block
                        M[-1, :-1] = nap * 1.0
                        M[:, -1] = nap * 1.0
                        M[-1, -1] = 0.0
                        lp = problem.cost(M)
                        values.extend([lp, lp / problem.total])
                    yield values

            def evaluate_single(self, x1, x2, *args, **kwargs):
                if self.fast_ot and self.decompose and not args and not kwargs:
                    return [float(v[0, 0]) for v in self.rows(x1, self.prepare([x2]))]
                x1, x2 = _as_network(x1), _as_network(x2)
                if self.fast_ot and not args and not kwargs:
                    return self._distances(x1, x2)
                return super().evaluate_single(x1, x2, *args, **kwargs)

            def _distances(self, x1, x2):
                """dragonfly's ``evaluate_single`` with its defaults, value for value, with POT's
                network simplex called directly (POT's checks and dual centring, which these
                problems never need, cost more than the solve)."""
                total1, total2 = sum(x1.layer_masses), sum(x2.layer_masses)  # as dragonfly sums
                supply = np.append(x1.layer_masses, total2)
                demand = np.append(x2.layer_masses, total1)
                mislabel = self.get_mislabel_cost_matrix(x1, x2)
                struct = self.get_struct_cost_matrix(x1, x2)
                out = []
                for mc, sc in zip(self.dflt_mislabel_coeffs, self.dflt_struct_coeffs):
                    costs = self.get_ot_cost_matrix(mislabel, struct, mc, sc,
                                                    self.non_assignment_penalty)
                    lp = _transport_cost(supply, demand, costs)
                    out.extend([lp, lp / supply.astype(np.float64).sum()])
                return out

            def get_mislabel_cost_matrix(self, x1, x2):
                i1, i2 = getattr(x1, "unas_label_index", None), getattr(x2, "unas_label_index", None)
                if i1 is None or i2 is None:
                    return super().get_mislabel_cost_matrix(x1, x2)
                return self.label_mismatch_penalty[np.ix_(i1, i2)]

        _cls = _Distance
    return _cls


def _unique(nets):
    """The distinct network objects of ``nets`` (by identity, in first-seen order) and each
    entry's index among them."""
    seen, unique, index = {}, [], []
    for net in nets:
        k = seen.setdefault(id(net), len(unique))
        if k == len(unique):
            unique.append(net)
        index.append(k)
    return unique, np.asarray(index, dtype=int)


def _transport_cost(supply, demand, costs) -> float:
    """The optimal transport cost as ``dragonfly.utils.oper_utils.opt_transport`` computes it
    (masses normalised, POT's ``emd`` plan scaled back), bit for bit."""
    import ot
    from ot.lp.emd_wrap import check_result, emd_c

    supply = supply.astype(np.float64)
    demand = demand.astype(np.float64)
    total = supply.sum()
    a = supply / total
    b = demand / demand.sum()
    b = b * a.sum() / b.sum()  # what ot.emd does before solving
    if (a > 0).all() and (b > 0).all():
        M = np.asarray(costs, dtype=np.float64, order="C")
        plan, _, _, _, code = emd_c(a, b, M, 100000, 1, None, None)
        check_result(code)
    else:  # empty rows/columns: let POT filter them
        plan = ot.emd(supply / total, demand / demand.sum(), costs)
    return float(np.sum((total * plan) * costs))


class _Problem:
    """The masses of one transport problem normalised as ``_transport_cost`` does, once for all
    its cost matrices."""

    def __init__(self, net1, net2):
        (masses1, total1), (masses2, total2) = _masses(net1), _masses(net2)
        self.supply = np.append(masses1, total2).astype(np.float64)
        self.demand = np.append(masses2, total1).astype(np.float64)
        self.total = self.supply.sum()
        self.a = self.supply / self.total
        b = self.demand / self.demand.sum()
        self.b = b * self.a.sum() / b.sum()
        self.positive = bool((self.a > 0).all() and (self.b > 0).all())

    def cost(self, costs) -> float:
        if not self.positive:
            return _transport_cost(self.supply, self.demand, costs)
        from ot.lp.emd_wrap import check_result, emd_c
        plan, _, _, _, code = emd_c(self.a, self.b, costs, 100000, 1, None, None)
        check_result(code)
        return float(np.sum((self.total * plan) * costs))


def _masses(net):
    """The network's layer masses and their total as dragonfly sums them; kept on the network."""
    cached = getattr(net, "unas_masses", None)
    if cached is None:
        cached = net.unas_masses = (net.layer_masses, sum(net.layer_masses))
    return cached


def _path_lengths(computer, net):
    """The network's (backward-from-input, forward-to-output) path lengths per layer, as the
    structural cost reads them; kept on the network."""
    cached = getattr(net, "unas_path_lengths", None)
    if cached is None:
        cached = net.get_bkwd_ip_fwd_op_dists_of_all_layers(computer.all_path_length_categories)
        net.unas_path_lengths = cached
    return cached


def _label_index(computer, net):
    index = getattr(net, "unas_label_index", None)
    if index is None:
        index = np.array([computer.all_layer_labels.index(lab) for lab in net.layer_labels])
        net.unas_label_index = index
    return index


def _features(x):
    """What the decomposed distance reads of a network (``network.LayerFeatures``)."""
    if hasattr(x, "features"):  # a CandidateNetwork
        return x.features
    cached = getattr(x, "unas_features", None)
    if cached is None:
        from dragonfly_adapters.network import LayerFeatures
        cached = x.unas_features = LayerFeatures.of_network(x)
    return cached


def _as_network(x):
    if hasattr(x, "network"):  # a CandidateNetwork
        net = x.network
        net.unas_label_index = x.label_index
        return net
    return x


@contextlib.contextmanager
def undecomposed(computer):
    """``computer`` poses one transport problem per pair (dragonfly's values bit for bit) inside
    the block."""
    saved = getattr(computer, "decompose", False)
    if saved:
        computer.decompose = False
    try:
        yield computer
    finally:
        if saved:
            computer.decompose = saved


def distance_computer(used_groups: int = KERNEL_GROUPS, fast_ot: bool = True,
                      decompose: bool = True):
    """μNAS's OTMANN distance computer; returns ``2 * used_groups`` distance matrices (lp, emd
    per coefficient group). ``fast_ot=False``: dragonfly's own per-pair computation;
    ``decompose=False`` (with ``fast_ot``): one network-simplex problem per pair and coefficient
    set, as dragonfly poses it (its values bit for bit); ``decompose=True``: one small problem per
    label group, most of them solved in closed form (``decomposed.py``; the same values to
    rounding). The attribute ``decompose`` may be switched on a computer."""
    if not 1 <= used_groups <= len(STRUCT_GROUPS):
        raise ValueError(f"used_groups must be in 1..{len(STRUCT_GROUPS)}")
    return _distance_class()(used_groups, fast_ot, decompose)
