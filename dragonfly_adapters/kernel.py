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
            def __init__(self, used_groups: int):
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

            def evaluate(self, X1, X2, *args, **kwargs):
                """Distances between lists of ``CandidateNetwork``s (or dragonfly networks)."""
                with numpy_patched():
                    if X2 is None or X1 is X2:
                        nets = [_as_network(x) for x in X1]
                        return super().evaluate(nets, nets, *args, **kwargs)
                    return super().evaluate([_as_network(x) for x in X1],
                                            [_as_network(x) for x in X2], *args, **kwargs)

            def evaluate_single(self, x1, x2, *args, **kwargs):
                return super().evaluate_single(_as_network(x1), _as_network(x2), *args, **kwargs)

            def get_mislabel_cost_matrix(self, x1, x2):
                i1, i2 = getattr(x1, "unas_label_index", None), getattr(x2, "unas_label_index", None)
                if i1 is None or i2 is None:
                    return super().get_mislabel_cost_matrix(x1, x2)
                return self.label_mismatch_penalty[np.ix_(i1, i2)]

        _cls = _Distance
    return _cls


def _as_network(x):
    if hasattr(x, "network"):  # a CandidateNetwork
        net = x.network
        net.unas_label_index = x.label_index
        return net
    return x


def distance_computer(used_groups: int = KERNEL_GROUPS):
    """μNAS's OTMANN distance computer; returns ``2 * used_groups`` distance matrices (lp, emd
    per coefficient group)."""
    if not 1 <= used_groups <= len(STRUCT_GROUPS):
        raise ValueError(f"used_groups must be in 1..{len(STRUCT_GROUPS)}")
    return _distance_class()(used_groups)
