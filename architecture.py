"""Candidate architectures: plain data that builds a Keras model or a resource graph anywhere.

An architecture is a value. Building a model or a graph from it never changes it, and its JSON form
(``to_dict``) rebuilds an equal architecture with ``Architecture.from_dict`` in another process, a
notebook or years later from a search state file.
"""
from __future__ import annotations

import copy
import importlib
import json
from abc import ABC, abstractmethod
from typing import Any, Mapping

import numpy as np

# Search-space name -> "module:Class" of its architecture. Imported lazily so that loading a CNN
# architecture never imports the MLP space (and neither imports TensorFlow until a model is built).
ARCHITECTURE_CLASSES = {
    "cnn": "cnn.cnn_architecture:CnnArchitecture",
    "mlp": "mlp.mlp_architecture:MlpArchitecture",
}


class Architecture(ABC):
    """Base class. ``self.architecture`` holds the space's plain-data description (dicts/lists)."""

    #: Key in ``ARCHITECTURE_CLASSES``; set by each subclass.
    search_space_name: str = ""

    def __init__(self, architecture: Any):
        self.architecture = architecture

    @abstractmethod
    def to_keras_model(self, input_shape, num_classes, dropout: float = 0.0, **kwargs):
        """A fresh, uncompiled ``keras.Model`` that outputs logits (1 unit for 2 classes)."""

    @abstractmethod
    def to_resource_graph(self, input_shape, num_classes, element_type=np.uint8, batch_size=1,
                          pruned_weights: Mapping[str, np.ndarray] | None = None):
        """A ``resource_models.graph.Graph`` of the same network.

        ``pruned_weights`` maps Keras layer names to (masked) kernels: channels/units whose kernel
        slice is all zero are left out, and the non-zero count becomes the op's sparse kernel size.
        """

    # --- serialisation -------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """JSON-able form: ``{"search_space": name, "architecture": data}``."""
        return {"search_space": self.search_space_name,
                "architecture": copy.deepcopy(self.architecture)}

    @staticmethod
    def from_dict(data: Mapping) -> "Architecture":
        """Rebuild an architecture from ``to_dict`` output (any registered search space)."""
        try:
            name = data["search_space"]
            payload = data["architecture"]
        except (KeyError, TypeError) as e:
            raise ValueError(f"not a serialised architecture (missing {e}): {data!r:.200}") from None
        if name not in ARCHITECTURE_CLASSES:
            raise ValueError(f"unknown search space {name!r}; known: {sorted(ARCHITECTURE_CLASSES)}")
        module_name, class_name = ARCHITECTURE_CLASSES[name].split(":")
        cls = getattr(importlib.import_module(module_name), class_name)
        return cls(copy.deepcopy(payload))

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    def __eq__(self, other) -> bool:
        return type(self) is type(other) and self.architecture == other.architecture

    def __hash__(self) -> int:
        return hash(json.dumps(self.architecture, sort_keys=True))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.architecture!r})"
