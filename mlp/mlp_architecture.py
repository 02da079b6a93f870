"""An MLP candidate of μNAS: a list of fully connected ReLU layers, then the classifier.

The architecture is the list of layers ``[{"units": int}, ...]``. The network flattens its input;
each layer is a Dense layer with ReLU and an L2 penalty on its kernel (in Keras); the classifier
outputs logits (1 unit for 2 classes, else one per class). As in the original μNAS graphs, the
hidden layers' resource ops flatten their input and the classifier's does not.
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from architecture import Architecture
from cnn.cnn_architecture import classifier_units
from cnn.network import CLASSIFIER, INPUT, Layout, build_keras_model, build_resource_graph

#: L2 penalty on the kernels of the hidden layers (Keras only), the original's default.
L2_PENALTY = 0.001


def validate(layers: Any) -> None:
    """Raise ``ValueError`` naming the field when ``layers`` is not a buildable MLP architecture."""
    if not isinstance(layers, list) or not layers:
        raise ValueError(f"MLP architecture: must be a non-empty list of layers (got {layers!r:.80})")
    for i, layer in enumerate(layers):
        if not isinstance(layer, dict) or "units" not in layer:
            raise ValueError(f"MLP architecture: layers[{i}] must be a dict with the key units "
                             f"(got {layer!r:.80})")
        units = layer["units"]
        if isinstance(units, (bool, np.bool_)) or not isinstance(units, (int, np.integer)) or units < 1:
            raise ValueError(f"MLP architecture: layers[{i}].units must be an integer >= 1 "
                             f"(got {units!r:.80})")


class MlpArchitecture(Architecture):
    search_space_name = "mlp"

    def __init__(self, layers: Sequence[dict]):
        layers = list(layers) if isinstance(layers, tuple) else layers
        validate(layers)
        super().__init__([{"units": int(layer["units"])} for layer in layers])

    def layout(self, input_shape, num_classes, l2_reg: float = L2_PENALTY) -> Layout:
        net = Layout(input_shape)
        x = INPUT
        for layer in self.architecture:
            x = net.dense(x, layer["units"], activation="relu", preflatten=True, l2=l2_reg)
        net.dense(x, classifier_units(num_classes), activation=None, preflatten=False, name=CLASSIFIER)
        return net

    def to_keras_model(self, input_shape, num_classes, dropout: float = 0.0, l2_reg: float = L2_PENALTY,
                       **kwargs):
        """As the original, the MLP has no dropout (``dropout`` must be 0); ``l2_reg`` is its L2 penalty."""
        if dropout:
            raise ValueError(f"MlpArchitecture: dropout={dropout!r}: the μNAS MLP has no dropout")
        return build_keras_model(self.layout(input_shape, num_classes, l2_reg), dropout=0.0,
                                 name=kwargs.get("name", "mlp"))

    def to_resource_graph(self, input_shape, num_classes, element_type=np.uint8, batch_size=1,
                          pruned_weights=None):
        return build_resource_graph(self.layout(input_shape, num_classes), element_type=element_type,
                                    batch_size=batch_size, pruned_weights=pruned_weights)
