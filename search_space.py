"""Search spaces: a schema of free variables, random generation and morphisms of architectures."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Mapping, Optional, Tuple

import numpy as np

from architecture import Architecture
from schema_types import ValueType


class SearchSpace(ABC):
    """A family of architectures for one input shape and class count.

    The driver sets ``input_shape`` and ``num_classes`` from the dataset; config files usually
    construct the space without them. All randomness comes from the ``rng`` passed in.
    """

    #: Name under which the architecture class is registered (see ``architecture.py``).
    name: str = ""

    def __init__(self, input_shape: Optional[Tuple[int, ...]] = None,
                 num_classes: Optional[int] = None, dropout: float = 0.0):
        self.input_shape = tuple(input_shape) if input_shape is not None else None
        self.num_classes = num_classes
        self.dropout = dropout

    @property
    @abstractmethod
    def schema(self) -> Dict[str, ValueType]:
        """Every free variable of the space, keyed by μNAS-style names."""

    @abstractmethod
    def random_architecture(self, rng: np.random.Generator | None = None) -> Architecture:
        """A random architecture that fits ``input_shape``."""

    @abstractmethod
    def produce_morphs(self, arch: Architecture,
                       rng: np.random.Generator | None = None) -> List[Architecture]:
        """Every architecture one morphism away from ``arch``; each differs from it and is valid."""

    def random_morph(self, arch: Architecture, rng: np.random.Generator) -> Architecture:
        """One morph of ``arch`` drawn uniformly from ``produce_morphs``."""
        morphs = self.produce_morphs(arch, rng)
        if not morphs:
            raise ValueError(f"architecture has no morphs: {arch!r:.200}")
        return morphs[int(rng.integers(0, len(morphs)))]

    def architecture_from_dict(self, data: Mapping) -> Architecture:
        return Architecture.from_dict(data)

    def _shape_and_classes(self, input_shape, num_classes):
        input_shape = tuple(input_shape) if input_shape is not None else self.input_shape
        num_classes = num_classes if num_classes is not None else self.num_classes
        if input_shape is None or num_classes is None:
            raise ValueError(f"{type(self).__name__}: input_shape and num_classes must be set "
                             "(the driver sets them from the dataset)")
        return input_shape, num_classes

    def to_keras_model(self, arch: Architecture, input_shape=None, num_classes=None, **kwargs):
        input_shape, num_classes = self._shape_and_classes(input_shape, num_classes)
        kwargs.setdefault("dropout", self.dropout)
        return arch.to_keras_model(input_shape, num_classes, **kwargs)

    def to_resource_graph(self, arch: Architecture, input_shape=None, num_classes=None,
                          element_type=np.uint8, batch_size=1, pruned_weights=None):
        input_shape, num_classes = self._shape_and_classes(input_shape, num_classes)
        return arch.to_resource_graph(input_shape, num_classes, element_type=element_type,
                                      batch_size=batch_size, pruned_weights=pruned_weights)

    def resource_features(self, arch: Architecture, sparsity: Optional[float] = None
                          ) -> Dict[str, int]:
        """Peak memory, model size and MACs of ``arch``'s resource graph (milliseconds, no
        training): exactly what the evaluator reports for an unpruned candidate. With a
        ``sparsity`` target the model size is scaled by ``1 - sparsity`` (μNAS's BO estimate)."""
        from resource_models.models import macs, model_size, peak_memory_usage
        graph = self.to_resource_graph(arch)
        size = int(model_size(graph))
        if sparsity:
            size = int(round((1.0 - sparsity) * size))
        return {"peak_memory_usage": int(peak_memory_usage(graph)), "model_size": size,
                "macs": int(macs(graph))}

    def target_features(self, arch: Architecture, target: dict) -> Dict[str, Any]:
        """The deployment target's figures predicted for ``arch``'s unpruned resource graph
        (``target``: ``TargetConfig.as_dict()``; see :mod:`resource_models.target_figures`):
        what screening and BO's acquisition compare with the target bounds before training."""
        from resource_models.target_figures import target_figures
        return target_figures(self.to_resource_graph(arch), **target)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(input_shape={self.input_shape}, num_classes={self.num_classes})"
