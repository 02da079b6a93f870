"""A network layout shared by the CNN and MLP spaces: one list of layers, two builders.

An architecture is first laid out as a list of ``Layer`` records (name, kind, inputs, output shape,
parameters). The Keras model and the resource graph are both built from that one list, so what is
trained is what is measured: the same layers, the same names (Keras layer name == resource-graph op
name for every Conv2D, DepthwiseConv2D, Dense, pooling and Add layer) and the same shapes. Shapes use
the resource models' semantics: 'valid' convolutions, pooling with stride = pool size and Keras
'same' padding (ceil(h / p)), and an Add that zero-pads its inputs (bottom/right) to the largest.

Nothing here imports TensorFlow until ``build_keras_model`` is called.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from math import ceil, prod
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

INPUT = "input"          # name of the graph input / Keras Input layer
CLASSIFIER = "classifier"  # name of the last Dense layer (contract with pruning/model_trainer)


@dataclass(frozen=True)
class Layer:
    """One layer of a laid-out network.

    ``kind`` is one of ``conv`` (params: filters, kernel, stride, has_bn, has_relu), ``dwconv``
    (kernel, stride, has_bn, has_relu), ``pool`` (pool_size (h, w), type), ``add`` and ``dense``
    (units, activation, preflatten, l2). ``shape`` is the output shape without the batch dimension.
    """
    name: str
    kind: str
    inputs: Tuple[str, ...]
    shape: Tuple[int, ...]
    params: Mapping = field(default_factory=dict)

    def key(self):
        """A hashable description (used to tell whether two architectures build the same network)."""
        return (self.name, self.kind, self.inputs, self.shape, tuple(self.params.items()))


class Layout:
    """Lays out a network layer by layer with Keras-style per-type names (conv2d, conv2d_1, ...)."""

    _PREFIXES = {"conv": "conv2d", "dwconv": "dw_conv2d", "pool": "pool", "add": "add", "dense": "dense"}

    def __init__(self, input_shape: Sequence[int]):
        input_shape = tuple(int(d) for d in input_shape)
        if not input_shape or any(d < 1 for d in input_shape):
            raise ValueError(f"input shape must be positive integers, got {input_shape!r}")
        self.input_shape = input_shape
        self.layers: List[Layer] = []
        self._shapes: Dict[str, Tuple[int, ...]] = {INPUT: input_shape}
        self._counts: Dict[str, int] = {}

    def shape(self, tensor: str) -> Tuple[int, ...]:
        return self._shapes[tensor]

    def _add(self, kind, inputs, shape, name=None, **params) -> str:
        if name is None:
            prefix = self._PREFIXES[kind]
            n = self._counts.get(prefix, 0)
            self._counts[prefix] = n + 1
            name = prefix if n == 0 else f"{prefix}_{n}"
        assert name not in self._shapes, name
        self.layers.append(Layer(name, kind, tuple(inputs), tuple(shape), params))
        self._shapes[name] = tuple(shape)
        return name

    # --- layers ------------------------------------------------------------------------------
    def conv(self, x, filters, kernel, stride=1, has_bn=False, has_relu=False) -> str:
        h, w, _ = self.shape(x)
        return self._add("conv", [x], (_valid(h, kernel, stride), _valid(w, kernel, stride), filters),
                         filters=filters, kernel=kernel, stride=stride, has_bn=has_bn, has_relu=has_relu)

    def dwconv(self, x, kernel, stride=1, has_bn=False, has_relu=False) -> str:
        h, w, c = self.shape(x)
        return self._add("dwconv", [x], (_valid(h, kernel, stride), _valid(w, kernel, stride), c),
                         kernel=kernel, stride=stride, has_bn=has_bn, has_relu=has_relu)

    def pool(self, x, pool_size, type="max") -> str:
        h, w, c = self.shape(x)
        ph, pw = pool_size
        return self._add("pool", [x], (ceil(h / ph), ceil(w / pw), c), pool_size=(ph, pw), type=type)

    def add(self, xs) -> str:
        shapes = [self.shape(x) for x in xs]
        assert len({s[-1] for s in shapes}) == 1, shapes
        return self._add("add", xs, (max(s[0] for s in shapes), max(s[1] for s in shapes), shapes[0][-1]))

    def dense(self, x, units, activation=None, preflatten=True, l2=0.0, name=None) -> str:
        assert preflatten or len(self.shape(x)) == 1, "a Dense layer on a feature map flattens it"
        return self._add("dense", [x], (units,), name=name, units=units, activation=activation,
                         preflatten=preflatten, l2=l2)

    @property
    def output(self) -> str:
        return self.layers[-1].name if self.layers else INPUT


def _valid(size, kernel, stride):
    assert 1 <= kernel <= size, (kernel, size)
    return (size - kernel) // stride + 1


def network_key(layers: Sequence[Layer]):
    return tuple(layer.key() for layer in layers)


# --- resource graph ---------------------------------------------------------------------------------
def build_resource_graph(layout: Layout, element_type=np.uint8, batch_size: int = 1,
                         pruned_weights: Optional[Mapping[str, np.ndarray]] = None):
    """The ``resource_models`` graph of a laid-out network (see ``ChannelPruning`` for pruning)."""
    from resource_models.graph import Graph
    from resource_models.ops import Add, Conv2D, Dense, DWConv2D, Input, Pool

    if not isinstance(batch_size, (int, np.integer)) or isinstance(batch_size, bool) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    pruning = ChannelPruning(layout, pruned_weights) if pruned_weights is not None else None
    g = Graph(element_type=element_type)
    with g.as_current():
        tensors = {INPUT: Input((int(batch_size), *layout.input_shape), name=INPUT)}
        for layer in layout.layers:
            p = layer.params
            xs = [tensors[i] for i in layer.inputs]
            sparse = pruning.sparse_kernel_size(layer.name) if pruning else None
            if layer.kind == "conv":
                filters = pruning.channels(layer.name) if pruning else p["filters"]
                y = Conv2D(filters, p["kernel"], stride=p["stride"], padding="valid", use_bias=True,
                           batch_norm=p["has_bn"], activation="relu" if p["has_relu"] else None,
                           sparse_kernel_size=sparse, name=layer.name)(xs[0])
            elif layer.kind == "dwconv":
                y = DWConv2D(p["kernel"], stride=p["stride"], padding="valid", use_bias=True,
                             batch_norm=p["has_bn"], activation="relu" if p["has_relu"] else None,
                             sparse_kernel_size=sparse, name=layer.name)(xs[0])
            elif layer.kind == "pool":
                y = Pool(p["pool_size"], type=p["type"], name=layer.name)(xs[0])
            elif layer.kind == "add":
                y = Add(all_equal_shape=False, name=layer.name)(xs)
            elif layer.kind == "dense":
                units = pruning.channels(layer.name) if pruning else p["units"]
                y = Dense(units, preflatten_input=p["preflatten"], use_bias=True,
                          activation=p["activation"], sparse_kernel_size=sparse, name=layer.name)(xs[0])
            else:
                raise AssertionError(layer.kind)
            assert y.shape[1:-1] == layer.shape[:-1], (layer, y.shape)
            tensors[layer.name] = y
        g.add_output(tensors[layout.output])
    return g


class ChannelPruning:
    """What pruned kernels leave of a network: live channels/units and non-zero weight counts.

    ``pruned_weights`` maps layer names to masked kernels in Keras layout ((k, k, in, out) for
    Conv2D, (k, k, channels, 1) for DepthwiseConv2D, (in, units) for Dense). An output channel/unit
    whose kernel slice is all zero is dropped, and the layers reading it lose that input channel.

    Channels are tracked per *channel space*: tensors whose channels are the same channels (a
    depthwise conv, a pooling layer and an Add pass them through; an Add joins the spaces of its
    inputs, which must stay aligned). A channel of a space is live if any conv writing into that space
    has a non-zero kernel slice for it; the graph input, unpruned layers and the classifier keep all
    of theirs. At least one channel of every space stays, so a graph always builds.
    ``sparse_kernel_size`` counts the non-zeros of the kernel restricted to live inputs and outputs.
    """

    def __init__(self, layout: Layout, pruned_weights: Mapping[str, np.ndarray]):
        layers = {layer.name: layer for layer in layout.layers}
        unknown = sorted(set(pruned_weights) - {n for n, l in layers.items()
                                                if l.kind in ("conv", "dwconv", "dense")})
        if unknown:
            raise ValueError(f"pruned_weights names layers this architecture does not have: {unknown}")
        self._kernels = {name: self._checked_kernel(layers[name], layout, np.asarray(k))
                         for name, k in pruned_weights.items()}
        # union-find over channel spaces; a space is named after the first tensor in it
        parent: Dict[str, str] = {}

        def find(t):
            while parent[t] != t:
                parent[t] = parent[parent[t]]
                t = parent[t]
            return t

        parent[INPUT] = INPUT
        for layer in layout.layers:
            if layer.kind in ("dwconv", "pool"):
                parent[layer.name] = find(layer.inputs[0])
            elif layer.kind == "add":
                root = find(layer.inputs[0])
                parent[layer.name] = root
                for other in layer.inputs[1:]:
                    parent[find(other)] = root
            else:                                   # conv, dense: a space of their own
                parent[layer.name] = layer.name
        live: Dict[str, np.ndarray] = {}

        def contribute(space, mask):
            live[space] = mask if space not in live else live[space] | mask

        contribute(find(INPUT), np.ones(layout.input_shape[-1], bool))
        for layer in layout.layers:
            if layer.kind not in ("conv", "dense"):
                continue
            n = layer.params["filters"] if layer.kind == "conv" else layer.params["units"]
            kernel = self._kernels.get(layer.name)
            if kernel is None or layer.name == CLASSIFIER:
                mask = np.ones(n, bool)
            else:
                mask = np.any(kernel.reshape(-1, n) != 0, axis=0)
            contribute(find(layer.name), mask)
        for space, mask in live.items():
            if not mask.any():
                mask[0] = True
        self._mask = {t: live[find(t)] for t in parent}
        self._sparse = {}
        for name, kernel in self._kernels.items():
            layer = layers[name]
            in_mask = self._mask[layer.inputs[0]]
            out_mask = self._mask[name]
            if layer.kind == "conv":
                kept = kernel[:, :, in_mask, :][..., out_mask]
            elif layer.kind == "dwconv":
                kept = kernel[:, :, in_mask, :]
            else:
                in_shape = layout.shape(layer.inputs[0])
                rows = np.tile(in_mask, prod(in_shape[:-1])) if layer.params["preflatten"] \
                    else in_mask
                kept = kernel[rows][:, out_mask]
            self._sparse[name] = int(np.count_nonzero(kept))

    @property
    def live_channels(self) -> Dict[str, np.ndarray]:
        """Tensor name -> boolean mask of its live channels/units (what an export keeps)."""
        return dict(self._mask)

    @staticmethod
    def _checked_kernel(layer: Layer, layout: Layout, kernel: np.ndarray) -> np.ndarray:
        in_shape = layout.shape(layer.inputs[0])
        p = layer.params
        if layer.kind == "conv":
            expected = (p["kernel"], p["kernel"], in_shape[-1], p["filters"])
        elif layer.kind == "dwconv":
            expected = (p["kernel"], p["kernel"], in_shape[-1], 1)
        else:
            features = prod(in_shape) if p["preflatten"] else in_shape[-1]
            expected = (features, p["units"])
        if tuple(kernel.shape) != expected:
            raise ValueError(f"pruned_weights[{layer.name!r}]: kernel shape {tuple(kernel.shape)} "
                             f"does not match the layer's {expected}")
        return kernel

    def channels(self, name: str) -> int:
        """Live output channels (units) of a conv (dense) layer."""
        return int(self._mask[name].sum())

    def sparse_kernel_size(self, name: str) -> Optional[int]:
        return self._sparse.get(name)


# --- Keras model -----------------------------------------------------------------------------------
def build_keras_model(layout: Layout, dropout: float = 0.0, name: str = "model"):
    """A fresh Keras 3 functional model of the laid-out network (outputs logits).

    Conv layers are followed by BatchNormalization (``<name>_bn``) and ReLU (``<name>_relu``) when
    the layer has them; an Add zero-pads smaller inputs at the bottom/right (``<add>_pad<i>``);
    the first Dense layer on a feature map flattens it (``<dense>_flatten``); with ``dropout`` > 0
    every Dense layer that has an activation (the dense blocks, not the classifier) is preceded by
    Dropout (``<dense>_dropout``), as in the original μNAS.
    """
    import keras
    from keras import layers as L

    if not 0.0 <= float(dropout) < 1.0:
        raise ValueError(f"dropout must be in [0, 1), got {dropout!r}")
    inp = keras.Input(shape=layout.input_shape, name=INPUT)
    tensors = {INPUT: inp}
    for layer in layout.layers:
        p = layer.params
        xs = [tensors[i] for i in layer.inputs]
        if layer.kind in ("conv", "dwconv"):
            if layer.kind == "conv":
                y = L.Conv2D(p["filters"], p["kernel"], strides=p["stride"], padding="valid",
                             name=layer.name)(xs[0])
            else:
                y = L.DepthwiseConv2D(p["kernel"], strides=p["stride"], padding="valid",
                                      depth_multiplier=1, name=layer.name)(xs[0])
            if p["has_bn"]:
                y = L.BatchNormalization(name=f"{layer.name}_bn")(y)
            if p["has_relu"]:
                y = L.ReLU(name=f"{layer.name}_relu")(y)
        elif layer.kind == "pool":
            cls = L.MaxPooling2D if p["type"] == "max" else L.AveragePooling2D
            y = cls(pool_size=p["pool_size"], strides=p["pool_size"], padding="same",
                    name=layer.name)(xs[0])
        elif layer.kind == "add":
            h, w = layer.shape[:2]
            padded = []
            for i, (x, src) in enumerate(zip(xs, layer.inputs)):
                sh, sw = layout.shape(src)[:2]
                if (sh, sw) != (h, w):
                    x = L.ZeroPadding2D(((0, h - sh), (0, w - sw)), name=f"{layer.name}_pad{i}")(x)
                padded.append(x)
            y = L.Add(name=layer.name)(padded)
        elif layer.kind == "dense":
            x = xs[0]
            if p["preflatten"] and len(x.shape) > 2:
                x = L.Flatten(name=f"{layer.name}_flatten")(x)
            if dropout > 0 and p["activation"] is not None:
                x = L.Dropout(dropout, name=f"{layer.name}_dropout")(x)
            reg = keras.regularizers.L2(p["l2"]) if p["l2"] else None
            y = L.Dense(p["units"], activation=p["activation"], kernel_regularizer=reg,
                        name=layer.name)(x)
        else:
            raise AssertionError(layer.kind)
        tensors[layer.name] = y
    return keras.Model(inp, tensors[layout.output], name=name)
