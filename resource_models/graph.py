"""The computation graph that resource models are computed on.

Operators attach themselves to the *current* graph, which is set with
`with g.as_current():`. The current graph lives in a ContextVar (a stack by
way of reset tokens), so nested contexts, threads and asyncio tasks each see
their own graph instead of sharing one module-global as the original did.
"""
import contextvars
from contextlib import contextmanager

import numpy as np

from .errors import GraphError
from .tensor import Tensor

_CURRENT_GRAPH = contextvars.ContextVar("resource_models_current_graph", default=None)


def current_graph(caller="operator"):
    """The graph opened by the innermost `Graph.as_current()`; raises when there is none."""
    g = _CURRENT_GRAPH.get()
    if g is None:
        raise GraphError(f"{caller}: no current graph; create operators inside `with graph.as_current():`")
    return g


class NamedList(list):
    """A list of tensors or operators that can also be read as the original's name -> object dict:
    ``g.operators.values()``, ``g.tensors["input"]``, ``"conv2d" in g.operators``, ``.items()``."""

    def keys(self):
        return [x.name for x in self]

    def values(self):
        return list(self)

    def items(self):
        return [(x.name, x) for x in self]

    def get(self, name, default=None):
        return next((x for x in self if x.name == name), default)

    def __getitem__(self, key):
        if isinstance(key, str):
            found = self.get(key)
            if found is None:
                raise KeyError(key)
            return found
        return super().__getitem__(key)

    def __contains__(self, item):
        if isinstance(item, str):
            return any(x.name == item for x in self)
        return super().__contains__(item)


class Graph:
    """Operators and tensors of one model, plus its element type (bytes per activation/weight).

    The default element type is float32, as in the original μNAS (``Graph(np.uint8)`` for 8-bit
    models, which is what the search spaces build)."""

    def __init__(self, element_type=np.float32, name="graph"):
        self.element_type = np.dtype(element_type)
        self.name = name
        self._tensors = {}
        self._operators = []
        self._op_names = set()
        self._inputs = []
        self._outputs = []
        self._version = 0          # bumped on every change; keys cached schedules
        self._cache = {}

    # -- read-only views -------------------------------------------------
    @property
    def element_size(self):
        return self.element_type.itemsize

    @property
    def tensors(self):
        """All tensors (inputs, activations, weights) in creation order (see ``NamedList``)."""
        return NamedList(self._tensors.values())

    @property
    def operators(self):
        return NamedList(self._operators)

    @property
    def inputs(self):
        return NamedList(self._inputs)

    @property
    def outputs(self):
        return NamedList(self._outputs)

    def get_tensor(self, name):
        try:
            return self._tensors[name]
        except KeyError:
            raise GraphError(f"graph {self.name!r} has no tensor named {name!r}") from None

    def get_operator(self, name):
        for op in self._operators:
            if op.name == name:
                return op
        raise GraphError(f"graph {self.name!r} has no operator named {name!r}")

    # -- building ----------------------------------------------------------
    @contextmanager
    def as_current(self):
        """Make this the graph that operators created in the block attach to."""
        token = _CURRENT_GRAPH.set(self)
        try:
            yield self
        finally:
            _CURRENT_GRAPH.reset(token)

    def add_output(self, tensors):
        """Mark a tensor (or each of a list of tensors) as a model output (kept alive to the end)."""
        for tensor in (tensors if isinstance(tensors, (list, tuple)) else [tensors]):
            self.check_owns(tensor, "add_output")
            if tensor not in self._outputs:
                self._outputs.append(tensor)
                self._changed()

    def add_input(self, tensors):
        """Mark a tensor (or each of a list of tensors) of this graph as a model input (as the
        original's ``add_input``; ``Input(...)`` already does this for the tensors it creates)."""
        for tensor in (tensors if isinstance(tensors, (list, tuple)) else [tensors]):
            self.check_owns(tensor, "add_input")
            if tensor.producer is not None or tensor.is_weight:
                raise GraphError(f"add_input: tensor {tensor.name!r} is produced by an operator or a weight")
            if tensor not in self._inputs:
                self._inputs.append(tensor)
                self._changed()

    def check_owns(self, tensor, who):
        if not isinstance(tensor, Tensor):
            raise GraphError(f"{who}: expected a Tensor, got {type(tensor).__name__}")
        if tensor.graph is not self:
            raise GraphError(f"{who}: tensor {tensor.name!r} belongs to graph "
                             f"{tensor.graph.name!r}, not to {self.name!r}")

    def unique_op_name(self, name, prefix):
        """`name` (or `prefix` when None) if unused, else with `_1`, `_2`, ... appended (Keras style;
        the original disambiguated explicit names the same way)."""
        base = name if name is not None else prefix
        candidate, i = base, 0
        while candidate in self._op_names or candidate in self._tensors:
            i += 1
            candidate = f"{base}_{i}"
        return candidate

    def _new_tensor(self, name, shape, producer=None, is_weight=False):
        if name in self._tensors:
            raise GraphError(f"tensor name {name!r} is already used in graph {self.name!r}")
        t = Tensor(self, name, shape, producer=producer, is_weight=is_weight)
        self._tensors[name] = t
        self._changed()
        return t

    def _add_input(self, name, shape):
        t = self._new_tensor(name, shape)
        self._inputs.append(t)
        return t

    def _add_operator(self, op):
        self._operators.append(op)
        self._op_names.add(op.name)
        for t in dict.fromkeys(op.inputs):
            t.consumers.append(op)
        for w in op.weights:
            w.consumers.append(op)
        self._changed()

    def _changed(self):
        self._version += 1
        self._cache.clear()

    # -- conveniences ------------------------------------------------------
    def to_dot(self):
        """Graphviz DOT source of this graph (see resource_models.dot)."""
        from .dot import to_dot
        return to_dot(self)

    def __repr__(self):
        return (f"Graph({self.name!r}, {len(self._operators)} ops, "
                f"element_type={self.element_type.name})")
