"""The MLP search space: 1-7 dense layers of 10-256 units; morphs add/remove layers, change units."""
from __future__ import annotations

import json
from typing import List

import numpy as np

from mlp.mlp_architecture import MlpArchitecture
from schema_types import Discrete
from search_space import SearchSpace

MAX_LAYERS = 7
UNIT_STEPS = (1, 3, 5)


def get_schema():
    schema = {"num-layers": Discrete((1, MAX_LAYERS))}
    for i in range(MAX_LAYERS):
        schema[f"layer{i}-units"] = Discrete((10, 256))
    return schema


def schema_values(layers) -> dict:
    values = {"num-layers": len(layers)}
    values.update({f"layer{i}-units": layer["units"] for i, layer in enumerate(layers)})
    return values


class MlpSearchSpace(SearchSpace):
    name = "mlp"

    def __init__(self, input_shape=None, num_classes=None, dropout: float = 0.0):
        super().__init__(input_shape, num_classes, dropout)
        self._schema = get_schema()

    @property
    def schema(self):
        return self._schema

    def random_architecture(self, rng: np.random.Generator | None = None) -> MlpArchitecture:
        rng = rng if rng is not None else np.random.default_rng()
        n = self._schema["num-layers"].uniform_random_value(rng)
        return MlpArchitecture([self._random_layer(i, rng) for i in range(n)])

    def _random_layer(self, i, rng) -> dict:
        return {"units": self._schema[f"layer{i}-units"].uniform_random_value(rng)}

    def produce_morphs(self, arch: MlpArchitecture,
                       rng: np.random.Generator | None = None) -> List[MlpArchitecture]:
        if not isinstance(arch, MlpArchitecture):
            raise TypeError(f"MlpSearchSpace: expected an MlpArchitecture, got {type(arch).__name__}")
        bad = self.out_of_schema(arch)
        if bad:
            raise ValueError(f"MlpSearchSpace: cannot morph an architecture outside the space "
                             f"(out of bounds: {', '.join(bad)})")
        rng = rng if rng is not None else np.random.default_rng()
        layers = arch.architecture
        candidates = []
        if len(layers) < MAX_LAYERS:
            for i in range(len(layers) + 1):
                candidates.append(layers[:i] + [self._random_layer(i, rng)] + layers[i:])
        if len(layers) > 1:
            for i in range(len(layers)):
                candidates.append(layers[:i] + layers[i + 1:])
        for i, layer in enumerate(layers):
            for d in (sign * step for step in UNIT_STEPS for sign in (1, -1)):
                if self._schema[f"layer{i}-units"].value_in_bounds(layer["units"] + d):
                    candidates.append(layers[:i] + [{"units": layer["units"] + d}] + layers[i + 1:])
        seen = {json.dumps(layers)}
        morphs = []
        for child in candidates:
            key = json.dumps(child)
            if key not in seen:
                seen.add(key)
                morphs.append(MlpArchitecture(child))
        return morphs

    def out_of_schema(self, arch: MlpArchitecture) -> list:
        """Schema variables of ``arch`` that are out of bounds (empty when it is in the space)."""
        return [k for k, v in schema_values(arch.architecture).items()
                if k not in self._schema or not self._schema[k].value_in_bounds(v)]
