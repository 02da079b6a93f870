"""An architecture as dragonfly sees it: a layer graph for the OTMANN distance, plus its resources.

μNAS presents each candidate to dragonfly as a ``NeuralNetwork`` built from its resource graph:
one layer per operator, a label that says what the operator is (type, kernel size, batch norm,
activation, pool type), the operator's MACs as its layer mass, the output channels as its units,
and one ``ip``/``op`` layer for the graph's input/output. ``CandidateNetwork`` does that and also
keeps the candidate's exact resource figures (peak memory, model size, MACs), which the
acquisition function needs for the same candidate.

Differs from μNAS on purpose: dragonfly sorts layers topologically after the masses are set;
μNAS computed the re-ordered masses and dropped them (a no-op reorder), so masses could belong to
the wrong layers. Here the re-ordered masses are kept (README, "Bayesian optimisation").
"""
from __future__ import annotations

import itertools
from typing import Dict, List, Optional, Sequence

import numpy as np

from dragonfly_adapters.numpy_compat import import_dragonfly_module, numpy_patched
from resource_models.models import macs, model_size, peak_memory_usage
from resource_models.ops import Add, Conv2D, Dense, DWConv2D, Pool

LAYER_GROUPS = ["conv", "pool", "aggr", "dense"]
KERNEL_SIZES = range(1, 16)
ACTIVATIONS = ["relu", "softmax", None]
POOL_TYPES = ["avg", "max"]
NETWORK_CLASS = "unas-net"
NON_PROCESSING_MASS_FLOOR = 100   # dragonfly's rule for ip/op layers: max(10 % of the rest, 100)
MASS_SCALE = 1000                 # masses in thousands of MACs


def _kernel(k) -> int:
    return int(k) if np.isscalar(k) else int(k[0])


def conv_label(depthwise: bool, kernel: int, batch_norm: bool, activation) -> str:
    return f"{'DWConv2D' if depthwise else 'Conv2D'}|k={kernel}|bn={int(batch_norm)}|act={activation}"


def pool_label(kind: str) -> str:
    return f"Pool|type={kind}"


def dense_label(batch_norm: bool, activation) -> str:
    return f"Dense|bn={int(batch_norm)}|act={activation}"


def operator_label(op) -> str:
    """The label of one resource-graph operator."""
    if isinstance(op, (Conv2D, DWConv2D)):
        return conv_label(isinstance(op, DWConv2D), _kernel(op.kernel_size), op.batch_norm,
                          op.activation)
    if isinstance(op, Pool):
        return pool_label(op.type)
    if isinstance(op, Dense):
        return dense_label(getattr(op, "batch_norm", False), op.activation)
    if isinstance(op, Add):
        return "Add"
    raise ValueError(f"no dragonfly layer label for operator {type(op).__name__}")


def all_labels() -> List[str]:
    """Every label a layer can have (the rows/columns of the label-mismatch cost matrix)."""
    bns = [True, False]
    convs = [conv_label(dw, k, bn, act) for dw in (False, True)
             for k, bn, act in itertools.product(KERNEL_SIZES, bns, ACTIVATIONS)]
    return (["ip", "op", "Add"] + [dense_label(bn, a) for bn, a in itertools.product(bns, ACTIVATIONS)]
            + [pool_label(t) for t in POOL_TYPES] + convs)


def parse_label(label: str) -> Dict:
    """``{"group": ..., "depthwise": ..., "k": ..., "bn": ..., "act": ..., "type": ...}``."""
    head, *fields = label.split("|")
    info: Dict = {"group": {"Conv2D": "conv", "DWConv2D": "conv", "Pool": "pool", "Add": "aggr",
                            "Dense": "dense"}.get(head)}
    if info["group"] == "conv":
        info["depthwise"] = head == "DWConv2D"
    for f in fields:
        key, value = f.split("=", 1)
        info[key] = int(value) if key in ("k", "bn") else value
    return info


def layer_group(label: str) -> Optional[str]:
    return parse_label(label)["group"]


_NetworkBase = None


def _network_class():
    """The dragonfly ``NeuralNetwork`` subclass, defined on first use (dragonfly loads lazily)."""
    global _NetworkBase
    if _NetworkBase is None:
        base = import_dragonfly_module("dragonfly.nn.neural_network").NeuralNetwork
        reorder = import_dragonfly_module(
            "dragonfly.utils.general_utils").reorder_rows_and_cols_in_matrix

        class _Layers(base):
            def __init__(self, labels, conn_mat, units, masses):
                self.layer_masses = np.asarray(masses, dtype=float)
                super().__init__(NETWORK_CLASS, labels, conn_mat, num_units_in_each_layer=units,
                                 all_layer_label_classes=ALL_LABELS,
                                 layer_label_similarities=None)

            def _topological_sort(self):
                # dragonfly's Kahn sort on a sparse matrix costs ~0.1 s per network; the same
                # algorithm (same order) on a dense copy costs microseconds.
                order = kahn_order(np.asarray(self.conn_mat.todense()),
                                   self.layer_labels.index("ip"))
                if len(order) != len(self.layer_labels):
                    raise ValueError("the layer graph has a cycle")
                self.layer_labels = [self.layer_labels[i] for i in order]
                self.num_units_in_each_layer = self.num_units_in_each_layer[order]
                self.conn_mat = reorder(self.conn_mat, order)
                self._child_attrs_topological_sort(order)

            def _child_compute_layer_masses(self):
                pass  # set before the topological sort, re-ordered with it

            def _child_attrs_topological_sort(self, top_order):
                self.layer_masses = self.layer_masses[np.asarray(top_order)]

            def _child_check_if_valid_network(self):
                return True

            @classmethod
            def _get_child_layer_groups(cls):
                return list(LAYER_GROUPS)

            @classmethod
            def _get_layer_group_for_layer_label(cls, label):
                if label in LAYER_GROUPS:  # dragonfly asks with group names too
                    return None
                return layer_group(label)

        _NetworkBase = _Layers
    return _NetworkBase


ALL_LABELS = all_labels()
#: label -> its row in the label-mismatch cost matrix
LABEL_INDEX = {label: i for i, label in enumerate(ALL_LABELS)}


def kahn_order(adjacency: np.ndarray, start: int) -> List[int]:
    """Kahn's topological order exactly as dragonfly's ``kahn_topological_sort`` visits it (a FIFO
    of ready layers, children in index order), on a dense 0/1 matrix."""
    edges = np.array(adjacency, dtype=float)
    order, ready = [], [start]
    while ready:
        node = ready.pop(0)
        order.append(node)
        children = np.nonzero(edges[node])[0]
        edges[node] = 0
        for child in children:
            if not edges[:, child].sum() > 0:
                ready.append(int(child))
    return order


class CandidateNetwork:
    """One candidate: its architecture, its resource figures and (on demand) its dragonfly layers.

    ``network`` is built once, the first time a distance needs it. ``label_index`` (the labels'
    rows in the mismatch matrix) is kept with it so distances never search the label list.
    ``features`` (what the decomposed distance reads) is computed from the resource graph without
    building the dragonfly network (or taken from the network when that exists already).
    """

    __slots__ = ("arch", "key", "resources", "_graph", "_network", "label_index", "_features")

    def __init__(self, arch, space):
        self.arch = arch
        self.key = arch_key(arch)
        self._graph = space.to_resource_graph(arch)
        g = self._graph
        self.resources = {"peak_memory_usage": int(peak_memory_usage(g)),
                          "model_size": int(model_size(g)), "macs": int(macs(g))}
        self._network = None
        self.label_index = None
        self._features = None

    def resources_at(self, sparsity: Optional[float]) -> Dict[str, int]:
        """The figures with a sparsity target: only the model size shrinks (as in μNAS)."""
        r = dict(self.resources)
        if sparsity:
            r["model_size"] = int(round((1.0 - sparsity) * r["model_size"]))
        return r

    @property
    def network(self):
        if self._network is None:
            with numpy_patched():
                self._network = to_dragonfly_network(self._graph)
            self.label_index = np.array([LABEL_INDEX[lab] for lab in self._network.layer_labels])
            self._graph = None  # only the layers are needed from now on
        return self._network

    @property
    def features(self) -> "LayerFeatures":
        if self._features is None:
            if self._graph is not None:
                self._features = LayerFeatures.of_graph(self._graph)
            else:
                self._features = LayerFeatures.of_network(self._network)
        return self._features


def arch_key(arch) -> str:
    import json
    return json.dumps(arch.to_dict(), sort_keys=True, separators=(",", ":"))


def layer_graph(graph):
    """The layers of a resource graph as dragonfly sees them, in the graph's order: labels, edges
    (parent, child), units and masses (see the module docstring)."""
    activations = [t for t in graph.inputs]
    index = {t.name: i for i, t in enumerate(activations)}
    labels: List[str] = ["ip"] * len(activations)
    units: List[int] = [t.shape[-1] for t in activations]
    masses: List[Optional[float]] = [None] * len(activations)
    edges = []
    for op in graph.operators:
        i = len(labels)
        index[op.output.name] = i
        labels.append(operator_label(op))
        units.append(op.output.shape[-1])
        masses.append(float(op.macs()))
        edges.extend((index[t.name], i) for t in op.inputs if t.name in index)
    for t in graph.outputs:
        edges.append((index[t.name], len(labels)))
        labels.append("op")
        units.append(t.shape[-1])
        masses.append(None)
    if labels.count("ip") != 1 or labels.count("op") != 1:
        raise ValueError("dragonfly networks need exactly one input and one output")
    processing = sum(m for m in masses if m is not None)
    filler = max(0.1 * processing, NON_PROCESSING_MASS_FLOOR)
    masses_arr = np.array([filler if m is None else m for m in masses], dtype=float) / MASS_SCALE
    return labels, edges, units, masses_arr


def to_dragonfly_network(graph):
    """The dragonfly layer graph of a resource graph (see the module docstring)."""
    from scipy.sparse import dok_matrix

    labels, edges, units, masses_arr = layer_graph(graph)
    conn = dok_matrix((len(labels), len(labels)))
    for a, b in edges:
        conn[a, b] = 1
    return _network_class()(labels, conn, units, masses_arr)


#: The layer groups whose path lengths the distance reads (dragonfly's "all" + μNAS's groups),
#: and the path-length types, in dragonfly's column order.
PATH_GROUPS = ["all"] + LAYER_GROUPS
PATH_TYPES = ["shortest", "longest", "rw"]


class LayerFeatures:
    """What the OTMANN distance reads of a network, per layer in dragonfly's (topological) order:
    ``label_index`` (rows of the label-mismatch matrix), ``masses``, ``total`` (their sum as
    dragonfly sums it), and the path lengths ``bkwd`` (from the input) and ``fwd`` (to the
    output), one column per (group, type) of ``PATH_GROUPS`` x ``PATH_TYPES``: exactly the arrays
    of dragonfly's ``get_bkwd_ip_fwd_op_dists_of_all_layers``."""

    __slots__ = ("label_index", "masses", "total", "bkwd", "fwd", "_parts")

    def __init__(self, label_index, masses, bkwd, fwd):
        self.label_index = np.asarray(label_index, dtype=np.intp)
        self.masses = np.asarray(masses, dtype=float)
        self.total = sum(self.masses)  # as dragonfly sums (left to right)
        self.bkwd = np.asarray(bkwd, dtype=float)
        self.fwd = np.asarray(fwd, dtype=float)
        self._parts = None

    @classmethod
    def of_network(cls, net) -> "LayerFeatures":
        """From a dragonfly network (its own computation)."""
        categories = [g + "-" + t for g in PATH_GROUPS for t in PATH_TYPES]
        bkwd, fwd = net.get_bkwd_ip_fwd_op_dists_of_all_layers(categories)
        return cls([LABEL_INDEX[lab] for lab in net.layer_labels], net.layer_masses, bkwd, fwd)

    @classmethod
    def of_graph(cls, graph) -> "LayerFeatures":
        """From a resource graph, without building a dragonfly network: the same layers, sorted by
        the same Kahn order, and the same path-length recursions (same operations in the same
        order, so the same values bit for bit)."""
        labels, edges, _, masses = layer_graph(graph)
        n = len(labels)
        adjacency = np.zeros((n, n))
        for a, b in edges:
            adjacency[a, b] = 1
        order = kahn_order(adjacency, labels.index("ip"))
        if len(order) != n:
            raise ValueError("the layer graph has a cycle")
        position = {old: new for new, old in enumerate(order)}
        labels = [labels[i] for i in order]
        masses = masses[np.asarray(order)]
        children: List[List[int]] = [[] for _ in range(n)]
        parents: List[List[int]] = [[] for _ in range(n)]
        for a, b in set(edges):
            children[position[a]].append(position[b])
            parents[position[b]].append(position[a])
        for lst in children + parents:
            lst.sort()
        groups = [layer_group(lab) for lab in labels]
        bkwd = np.empty((n, len(PATH_GROUPS) * len(PATH_TYPES)))
        fwd = np.empty_like(bkwd)
        col = 0
        for g in PATH_GROUPS:
            weight = [1.0 if g == "all" or grp == g else 0.0 for grp in groups]
            for t in PATH_TYPES:
                fwd[:, col] = _path_lengths(children, weight, range(n - 2, -1, -1), n - 1, t)
                bkwd[:, col] = _path_lengths(parents, weight, range(1, n), 0, t)
                col += 1
        return cls([LABEL_INDEX[lab] for lab in labels], masses, bkwd, fwd)


def _path_lengths(neighbours, weight, visit, source, kind):
    """dragonfly's ``graph_utils.compute_nn_path_lengths``: lengths to ``source`` through
    ``neighbours`` (children, or parents for the backward lengths), an edge leaving layer i
    weighing ``weight[i]``, layers visited in ``visit`` order."""
    dists = [np.inf] * len(neighbours)
    dists[source] = 0.0
    for i in visit:
        w = weight[i]
        lengths = [dists[j] + w for j in neighbours[i]]
        if kind == "shortest":
            dists[i] = min(lengths)
        elif kind == "longest":
            dists[i] = max(lengths)
        else:
            dists[i] = sum(lengths) / float(len(lengths))
    return dists


def label_mismatch_costs(labels: Sequence[str] = ALL_LABELS,
                         non_assignment_penalty: float = 1.0) -> np.ndarray:
    """μNAS's label-mismatch costs: within a group, a sum of small costs per differing property
    (conv: sqrt(2|k1-k2|)/10 plus 0.1 each for batch norm, activation, depthwise; pool: 0.5 for
    another type; dense: 0.1 each for batch norm, activation); across groups, infinite."""
    infos = [parse_label(lab) for lab in labels]
    n = len(labels)
    costs = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            a, b = infos[i], infos[j]
            if labels[i] == labels[j]:
                c = 0.0
            elif a["group"] == b["group"] == "conv":
                c = (np.sqrt(2 * abs(a["k"] - b["k"])) / 10 + 0.1 * (a["bn"] != b["bn"])
                     + 0.1 * (a["act"] != b["act"]) + 0.1 * (a["depthwise"] != b["depthwise"]))
            elif a["group"] == b["group"] == "pool":
                c = 0.5 * (a["type"] != b["type"])
            elif a["group"] == b["group"] == "dense":
                c = 0.1 * (a["bn"] != b["bn"]) + 0.1 * (a["act"] != b["act"])
            else:
                c = np.inf
            costs[i, j] = costs[j, i] = c * non_assignment_penalty
    return costs
