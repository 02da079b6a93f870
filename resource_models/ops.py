"""Operators of a resource graph: shape inference, weights, MACs and memory loads.

An operator is configured by its constructor and attached to the current graph
by calling it on its input tensor(s), Keras style: `y = Conv2D(16, 3)(x)`.
Parameter errors are raised at construction, shape errors when applied; both
name the operator and the problem.
"""
from math import ceil, prod

from .errors import GraphError, ShapeError
from .graph import current_graph
from .tensor import Tensor


def _pair(value, what, owner):
    """Normalise an int or (h, w) pair of positive ints."""
    pair = (value, value) if isinstance(value, int) else tuple(value)
    if len(pair) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in pair):
        raise ShapeError(f"{owner}: {what} must be a positive int or a pair of them, got {value!r}")
    return pair


def _positive_int(value, what, owner):
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ShapeError(f"{owner}: {what} must be a positive integer, got {value!r}")
    return value


def Input(shape, name=None):
    """Create a graph input tensor; `shape` includes the batch dimension, e.g. (1, 28, 28, 1)."""
    g = current_graph("Input")
    shape = tuple(shape)
    if not shape or not all(isinstance(d, int) and not isinstance(d, bool) and d > 0 for d in shape):
        raise ShapeError(f"Input {name or '(unnamed)'}: shape must be positive ints, got {shape!r}")
    return g._add_input(g.unique_op_name(name, "input"), shape)


class Operator:
    """Base: subclasses set `prefix`, and implement `_infer_shape`, `_weight_shapes`, `macs`, `mem_loads`."""

    prefix = "op"

    def __init__(self, name=None):
        self.name = name
        self.graph = None
        self.inputs = []
        self.output = None
        self.weights = []

    # -- applying ------------------------------------------------------------
    def __call__(self, inputs):
        g = current_graph(self._label())
        if self.graph is not None:
            raise GraphError(f"{self._label()}: operator has already been applied; create a new one")
        tensors = self._as_tensor_list(inputs)
        for t in tensors:
            g.check_owns(t, self._label())
        name = g.unique_op_name(self.name, self.prefix)
        shapes = [t.shape for t in tensors]
        try:
            out_shape = self._infer_shape(shapes)
            weight_shapes = self._weight_shapes(shapes)
            self._check_weights(dict(weight_shapes))
        except ShapeError as e:
            on = ", ".join(f"{t.name!r} {t.shape}" for t in tensors)
            raise ShapeError(f"{type(self).__name__} {name!r} applied to {on}: {e}") from None
        self.name = name
        self.graph, self.inputs = g, tensors
        self.weights = [g._new_tensor(f"{name}/{wname}", wshape, is_weight=True)
                        for wname, wshape in weight_shapes]
        if self.weights and getattr(self, "sparse_kernel_size", None) is not None:
            self.kernel.sparse_size = self.sparse_kernel_size
        self.output = g._new_tensor(f"{name}:0", out_shape, producer=self)
        g._add_operator(self)
        return self.output

    def _as_tensor_list(self, inputs):
        if not isinstance(inputs, Tensor):
            raise GraphError(f"{self._label()}: expects a single Tensor, got {type(inputs).__name__}")
        return [inputs]

    def _label(self):
        return f"{type(self).__name__} {self.name!r}" if self.name else f"{type(self).__name__} (unnamed)"

    def _check_weights(self, weight_shapes):
        pass

    # -- description -----------------------------------------------------------
    @property
    def outputs(self):
        return [self.output]

    @property
    def kernel(self):
        return next((w for w in self.weights if w.name.endswith("/kernel")), None)

    @property
    def bias(self):
        return next((w for w in self.weights if w.name.endswith("/bias")), None)

    def params(self):
        """Constructor parameters (JSON-able), as used by serialisation and DOT export."""
        return {}

    def _weight_shapes(self, input_shapes):
        return []

    def macs(self):
        raise NotImplementedError

    def mem_loads(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


def _image_shape(shape):
    if len(shape) != 4:
        raise ShapeError(f"expects a 4-D (batch, height, width, channels) input, got shape {shape}")
    return shape


class _WeightedOp(Operator):
    """Conv2D, DWConv2D, Dense: a kernel, an optional bias, optional pruning information."""

    def __init__(self, use_bias, activation, sparse_kernel_size, name):
        super().__init__(name)
        self.use_bias = bool(use_bias)
        self.activation = activation
        if sparse_kernel_size is not None and (not isinstance(sparse_kernel_size, int)
                                               or isinstance(sparse_kernel_size, bool)
                                               or sparse_kernel_size < 0):
            raise ShapeError(f"{self._label()}: sparse_kernel_size must be a non-negative int, "
                             f"got {sparse_kernel_size!r}")
        self.sparse_kernel_size = sparse_kernel_size

    def _check_weights(self, weight_shapes):
        kernel_size = prod(weight_shapes["kernel"])
        if self.sparse_kernel_size is not None and self.sparse_kernel_size > kernel_size:
            raise ShapeError(f"sparse_kernel_size {self.sparse_kernel_size} exceeds the kernel's "
                             f"{kernel_size} elements")

    def _bias_shape(self, n):
        return [("bias", (n,))] if self.use_bias else []

    def mem_loads(self):
        # two loads (weight, activation) per MAC, one per output element for the bias
        return 2 * self.macs() + (self.output.size if self.use_bias else 0)

    def _optional_params(self):
        extra = {}
        if getattr(self, "batch_norm", False):
            extra["batch_norm"] = True
        if self.activation is not None:
            extra["activation"] = self.activation
        if self.sparse_kernel_size is not None:
            extra["sparse_kernel_size"] = self.sparse_kernel_size
        return extra


def _conv_out(size, k, s, padding):
    """Keras output length: valid -> floor((n-k)/s)+1, same -> ceil(n/s)."""
    if padding == "same":
        return ceil(size / s)
    if k > size:
        raise ShapeError(f"kernel size {k} is larger than the input size {size} with 'valid' padding")
    return (size - k) // s + 1


def _check_padding(padding, owner):
    if padding not in ("valid", "same"):
        raise ShapeError(f"{owner}: padding must be 'valid' or 'same', got {padding!r}")
    return padding


class Conv2D(_WeightedOp):
    """2-D convolution; batch norm is folded into it at deployment, so it adds no weights."""

    prefix = "conv2d"

    def __init__(self, filters, kernel_size, stride=1, use_bias=True, batch_norm=False, activation=None,
                 padding="valid", sparse_kernel_size=None, name=None):
        super().__init__(use_bias, activation, sparse_kernel_size, name)
        self.filters = _positive_int(filters, "filters", self._label())
        self.kernel_size = kernel_size
        self._k = _pair(kernel_size, "kernel_size", self._label())
        self.stride = stride
        self._s = _pair(stride, "stride", self._label())
        self.padding = _check_padding(padding, self._label())
        self.batch_norm = bool(batch_norm)

    @property
    def num_filters(self):
        """The original's name for ``filters``."""
        return self.filters

    def _infer_shape(self, shapes):
        b, h, w, _ = _image_shape(shapes[0])
        return (b, _conv_out(h, self._k[0], self._s[0], self.padding),
                _conv_out(w, self._k[1], self._s[1], self.padding), self.filters)

    def _weight_shapes(self, shapes):
        return [("kernel", (*self._k, shapes[0][-1], self.filters))] + self._bias_shape(self.filters)

    def macs(self):
        return self.output.size * self._k[0] * self._k[1] * self.inputs[0].shape[-1]

    def params(self):
        return {"filters": self.filters, "kernel_size": _jsonable(self.kernel_size),
                "stride": _jsonable(self.stride), "padding": self.padding, "use_bias": self.use_bias,
                **self._optional_params()}


class DWConv2D(_WeightedOp):
    """Depthwise 2-D convolution with depth multiplier 1."""

    prefix = "dw_conv2d"

    def __init__(self, kernel_size, stride=1, padding="same", use_bias=True, batch_norm=False,
                 activation=None, sparse_kernel_size=None, name=None):
        super().__init__(use_bias, activation, sparse_kernel_size, name)
        self.kernel_size = kernel_size
        self._k = _pair(kernel_size, "kernel_size", self._label())
        self.stride = stride
        self._s = _pair(stride, "stride", self._label())
        self.padding = _check_padding(padding, self._label())
        self.batch_norm = bool(batch_norm)

    def _infer_shape(self, shapes):
        b, h, w, c = _image_shape(shapes[0])
        return (b, _conv_out(h, self._k[0], self._s[0], self.padding),
                _conv_out(w, self._k[1], self._s[1], self.padding), c)

    def _weight_shapes(self, shapes):
        c = shapes[0][-1]
        return [("kernel", (*self._k, c, 1))] + self._bias_shape(c)

    def macs(self):
        return self.output.size * self._k[0] * self._k[1]

    def params(self):
        return {"kernel_size": _jsonable(self.kernel_size), "stride": _jsonable(self.stride),
                "padding": self.padding, "use_bias": self.use_bias, **self._optional_params()}


class Dense(_WeightedOp):
    """Fully connected layer; `preflatten_input` flattens all non-batch dimensions first,
    otherwise it applies to the last axis (Keras semantics)."""

    prefix = "dense"

    def __init__(self, units, preflatten_input=False, use_bias=True, batch_norm=False, activation=None,
                 sparse_kernel_size=None, name=None):
        super().__init__(use_bias, activation, sparse_kernel_size, name)
        self.units = _positive_int(units, "units", self._label())
        self.preflatten_input = bool(preflatten_input)
        self.batch_norm = bool(batch_norm)

    @property
    def flatten(self):
        """The original's name for ``preflatten_input``."""
        return self.preflatten_input

    def _in_features(self, shape):
        return prod(shape[1:]) if self.preflatten_input else shape[-1]

    def _infer_shape(self, shapes):
        shape = shapes[0]
        if len(shape) < 2:
            raise ShapeError(f"expects an input with a batch dimension and features, got shape {shape}")
        return (shape[0], self.units) if self.preflatten_input else (*shape[:-1], self.units)

    def _weight_shapes(self, shapes):
        return [("kernel", (self._in_features(shapes[0]), self.units))] + self._bias_shape(self.units)

    def macs(self):
        return self.output.size * self._in_features(self.inputs[0].shape)

    def params(self):
        return {"units": self.units, "preflatten_input": self.preflatten_input,
                "use_bias": self.use_bias, **self._optional_params()}


class Pool(Operator):
    """Max/average pooling with stride = pool size and Keras 'same' padding (output ceil(n/p))."""

    prefix = "pool"

    def __init__(self, pool_size, type="max", name=None):
        super().__init__(name)
        self.pool_size = _pair(pool_size, "pool_size", self._label())
        if type not in ("max", "avg"):
            raise ShapeError(f"{self._label()}: type must be 'max' or 'avg', got {type!r}")
        self.type = type

    def _infer_shape(self, shapes):
        b, h, w, c = _image_shape(shapes[0])
        return (b, ceil(h / self.pool_size[0]), ceil(w / self.pool_size[1]), c)

    def macs(self):
        return self.output.size * self.pool_size[0] * self.pool_size[1]

    def mem_loads(self):
        return self.macs()          # one load per pooled element

    def params(self):
        return {"pool_size": list(self.pool_size), "type": self.type}


class Add(Operator):
    """Element-wise sum of two or more tensors. With all_equal_shape=False the inputs may
    differ in height/width and are zero-padded (bottom/right) to the largest; channels
    (and batch, rank) must match."""

    prefix = "add"

    def __init__(self, all_equal_shape=True, name=None):
        super().__init__(name)
        self.all_equal_shape = bool(all_equal_shape)

    def _as_tensor_list(self, inputs):
        if isinstance(inputs, Tensor) or not all(isinstance(t, Tensor) for t in inputs):
            raise GraphError(f"{self._label()}: expects a list of Tensors")
        inputs = list(inputs)
        if len(inputs) < 2:
            raise ShapeError(f"{self._label()}: needs at least two inputs, got {len(inputs)}")
        return inputs

    def _infer_shape(self, shapes):
        first = shapes[0]
        if self.all_equal_shape:
            for s in shapes[1:]:
                if s != first:
                    raise ShapeError(f"inputs must all have the same shape (all_equal_shape=True), "
                                     f"got {[tuple(x) for x in shapes]}")
            return first
        if any(len(s) != len(first) for s in shapes):
            raise ShapeError(f"inputs must have the same rank, got {shapes}")
        if any(s[-1] != first[-1] for s in shapes):
            raise ShapeError(f"inputs must have the same number of channels, got {shapes}")
        if any(s[0] != first[0] for s in shapes):
            raise ShapeError(f"inputs must have the same batch size, got {shapes}")
        middle = tuple(max(s[i] for s in shapes) for i in range(1, len(first) - 1))
        return (first[0], *middle, first[-1])

    def macs(self):
        return self.output.size * (len(self.inputs) - 1)

    def mem_loads(self):
        return self.output.size * len(self.inputs)   # one load per element per term

    def params(self):
        return {"all_equal_shape": self.all_equal_shape}


def _jsonable(v):
    return v if isinstance(v, int) else list(v)
