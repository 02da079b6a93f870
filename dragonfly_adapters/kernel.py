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

import numpy as np

from dragonfly_adapters.network import ALL_LABELS, LAYER_GROUPS, label_mismatch_costs
from dragonfly_adapters.numpy_compat import import_dragonfly_module, numpy_patched

STRUCT_GROUPS = ["all"] + LAYER_GROUPS
MISLABEL_COEFFS = {"all": 1.0, "conv": 1.0, "pool": 1.0, "aggr": 1.0, "dense": 1.0}
STRUCT_COEFFS = {"all": 0.1, "conv": 0.25, "pool": 0.61, "aggr": 0.2, "dense": 1.5}
PATH_LENGTH_TYPES = ["shortest", "longest", "rw"]
DIST_TYPE = "lp-emd"
NON_ASSIGNMENT_PENALTY = 1.0
#: How many coefficient groups dragonfly's NN kernel reads (its otmann_*_coeffs options).
KERNEL_GROUPS = 4

_cls = None


def _distance_class():
    global _cls
    if _cls is None:
        base = import_dragonfly_module("dragonfly.nn.otmann").OTMANNDistanceComputer

        class _Distance(base):
            def __init__(self, used_groups: int, fast_ot: bool = True):
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

            def evaluate(self, X1, X2, *args, **kwargs):
                """Distances between lists of ``CandidateNetwork``s (or dragonfly networks)."""
                with numpy_patched():
                    if X2 is None or X1 is X2:
                        nets = [_as_network(x) for x in X1]
                        return super().evaluate(nets, nets, *args, **kwargs)
                    return super().evaluate([_as_network(x) for x in X1],
                                            [_as_network(x) for x in X2], *args, **kwargs)

            def evaluate_single(self, x1, x2, *args, **kwargs):
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


def _as_network(x):
    if hasattr(x, "network"):  # a CandidateNetwork
        net = x.network
        net.unas_label_index = x.label_index
        return net
    return x


def distance_computer(used_groups: int = KERNEL_GROUPS, fast_ot: bool = True):
    """μNAS's OTMANN distance computer; returns ``2 * used_groups`` distance matrices (lp, emd
    per coefficient group). ``fast_ot=False``: dragonfly's own per-pair computation."""
    if not 1 <= used_groups <= len(STRUCT_GROUPS):
        raise ValueError(f"used_groups must be in 1..{len(STRUCT_GROUPS)}")
    return _distance_class()(used_groups, fast_ot)
