"""A CNN candidate of μNAS: conv blocks (chains or parallel branches), optional pooling, dense blocks.

How an architecture becomes a network (that of the original μNAS, recovered from the graphs it built;
see test/test_cnn_reference.py, which rebuilds all of them):

* Blocks run in order. A block that is *not* a branch first joins the outputs of the previous block
  and its branches (see below), then reads the result. A branch block reads the same input as the
  block before it, so a block followed by k branch blocks makes k + 1 parallel paths.
* Each layer may first max-pool its input by 2 (``has_prepool``; the pool is clipped to the feature
  map and left out on a 1 x 1 map), then applies a 'valid' convolution whose kernel is clipped to the
  feature map (``min(ker_size, h, w)``), stride 2 when ``2x_stride`` (never for 1x1Conv2D),
  optionally followed by batch norm and ReLU.
* The last layer of a branch block outputs as many channels as the first path of its group
  (its ``filters`` are overridden; the original wrote that count into the architecture dict when it
  built a network, see ``as_built``); a branch that ends with a DWConv2D gets an extra 1x1 Conv2D to
  that channel count, without batch norm or ReLU.
* Joining the paths: every path larger than the smallest one (per dimension) is max-pooled by
  ``round(size / smallest)`` (unless that is 1 x 1), then one Add sums them, zero-padding the
  smaller ones at the bottom/right.
* Then the optional pooling layer (pool size clipped to the feature map), the dense blocks and the
  classifier (1 unit for 2 classes, else one per class; no activation: logits). Every Dense layer
  flattens its input. With dropout, a Dropout layer precedes each dense block (not the classifier).
"""
from __future__ import annotations

from typing import Mapping, Optional

import numpy as np

from architecture import Architecture
from cnn.cnn_schema import copy_architecture, normalise
from cnn.network import CLASSIFIER, Layout, build_keras_model, build_resource_graph


def classifier_units(num_classes: int) -> int:
    if isinstance(num_classes, bool) or not isinstance(num_classes, (int, np.integer)) or num_classes < 2:
        raise ValueError(f"num_classes must be an integer >= 2, got {num_classes!r}")
    return 1 if num_classes == 2 else int(num_classes)


def _image_shape(input_shape):
    shape = tuple(int(d) for d in input_shape)
    if len(shape) != 3:
        raise ValueError(f"a CNN needs an (height, width, channels) input shape, got {input_shape!r}")
    return shape


class CnnArchitecture(Architecture):
    search_space_name = "cnn"

    def __init__(self, architecture: Mapping):
        super().__init__(normalise(architecture))

    @classmethod
    def _trusted(cls, architecture: dict) -> "CnnArchitecture":
        """Wrap a dict the search space has just built (valid by construction; not copied)."""
        arch = cls.__new__(cls)
        Architecture.__init__(arch, architecture)
        return arch

    # --- layout -------------------------------------------------------------------------------
    def as_built(self, input_shape) -> "CnnArchitecture":
        """This architecture as the original μNAS holds it once it has built a network from it: the
        ``filters`` of each branch block's last Conv2D/1x1Conv2D set to the channel count it is given.
        (The original overwrote them in place whenever it built a model, so every trained parent it
        morphed carried them.)"""
        overrides = []
        self.layout(input_shape, 3, overrides)
        arch = CnnArchitecture._trusted(copy_architecture(self.architecture))
        for c, j, channels in overrides:
            arch.architecture["conv_blocks"][c]["layers"][j]["filters"] = channels
        return arch

    def layout(self, input_shape, num_classes, overrides=None) -> Layout:
        """The network's layers (names, shapes, parameters) for this input shape and class count.
        ``overrides``, when given, collects ``(block, layer, channels)`` of the overridden branch ends."""
        arch = self.architecture
        net = Layout(_image_shape(input_shape))
        x = group_input = "input"
        pending = []                      # outputs of the paths of the current group
        for c, block in enumerate(arch["conv_blocks"]):
            if block["is_branch"]:
                start = group_input
                channels = net.shape(pending[0])[-1]
            else:
                if pending:
                    x = self._join(net, pending)
                group_input = start = x
                pending, channels = [], None
            y = start
            for j, layer in enumerate(block["layers"]):
                last = j == len(block["layers"]) - 1
                y = self._layer(net, y, layer, channels if last else None)
                if last and channels is not None and overrides is not None and layer["type"] != "DWConv2D":
                    overrides.append((c, j, channels))
            pending.append(y)
        x = self._join(net, pending)

        pooling = arch["pooling"]
        if pooling is not None:
            h, w, _ = net.shape(x)
            size = pooling["pool_size"]
            x = net.pool(x, (min(size, h), min(size, w)), pooling["type"])
        for block in arch["dense_blocks"]:
            x = net.dense(x, block["units"], activation=block["activation"])
        net.dense(x, classifier_units(num_classes), activation=None, name=CLASSIFIER)
        return net

    @staticmethod
    def _layer(net: Layout, x: str, layer: Mapping, branch_channels: Optional[int]) -> str:
        h, w, _ = net.shape(x)
        if layer["has_prepool"] and (h > 1 or w > 1):
            x = net.pool(x, (min(2, h), min(2, w)), "max")
            h, w, _ = net.shape(x)
        flags = {"has_bn": layer["has_bn"], "has_relu": layer["has_relu"]}
        kind = layer["type"]
        if kind == "1x1Conv2D":
            kernel, stride = 1, 1
        else:
            kernel, stride = min(layer["ker_size"], h, w), 2 if layer["2x_stride"] else 1
        if kind == "DWConv2D":
            x = net.dwconv(x, kernel, stride, **flags)
            if branch_channels is not None:     # a depthwise conv keeps its channels: add a 1x1 conv
                x = net.conv(x, branch_channels, 1, 1, has_bn=False, has_relu=False)
            return x
        filters = branch_channels if branch_channels is not None else layer["filters"]
        return net.conv(x, filters, kernel, stride, **flags)

    @staticmethod
    def _join(net: Layout, paths) -> str:
        if len(paths) == 1:
            return paths[0]
        shapes = [net.shape(p) for p in paths]
        min_h = min(s[0] for s in shapes)
        min_w = min(s[1] for s in shapes)
        joined = []
        for path, (h, w, _) in zip(paths, shapes):
            size = (round(h / min_h), round(w / min_w))
            joined.append(net.pool(path, size, "max") if size != (1, 1) else path)
        return net.add(joined)

    # --- builders -----------------------------------------------------------------------------
    def to_keras_model(self, input_shape, num_classes, dropout: float = 0.0, **kwargs):
        return build_keras_model(self.layout(input_shape, num_classes), dropout=dropout,
                                 name=kwargs.get("name", "cnn"))

    def to_resource_graph(self, input_shape, num_classes, element_type=np.uint8, batch_size=1,
                          pruned_weights=None):
        return build_resource_graph(self.layout(input_shape, num_classes), element_type=element_type,
                                    batch_size=batch_size, pruned_weights=pruned_weights)
