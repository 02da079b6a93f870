"""Tensors of a resource graph: only names, shapes and who produces/reads them.

No data is ever stored; the resource models need sizes and connectivity only.
"""
from math import prod


class Tensor:
    """An activation, graph input or weight tensor of a `Graph`.

    `producer` is the operator that writes it (None for graph inputs and
    weights, i.e. constants); `consumers` lists the operators that read it, in
    the order they were applied. `sparse_size` is the number of non-zero
    elements of a pruned kernel (None when unknown/dense).
    """

    __slots__ = ("graph", "name", "shape", "producer", "consumers", "is_weight", "sparse_size")

    def __init__(self, graph, name, shape, producer=None, is_weight=False, sparse_size=None):
        self.graph = graph
        self.name = name
        self.shape = tuple(int(d) for d in shape)
        self.producer = producer
        self.consumers = []
        self.is_weight = is_weight
        self.sparse_size = sparse_size

    @property
    def elem_size(self):
        """Bytes per element (the graph's element type), as the original's ``TensorDesc.elem_size``."""
        return self.graph.element_size

    @property
    def size(self):
        """Number of elements."""
        return prod(self.shape)

    @property
    def is_constant(self):
        """True for tensors no operator produces (graph inputs and weights)."""
        return self.producer is None

    def __repr__(self):
        return f"Tensor({self.name!r}, shape={self.shape})"
