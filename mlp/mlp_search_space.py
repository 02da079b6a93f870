"""The MLP search space of μNAS: 1-7 dense layers of 10-256 units, drawn and morphed as the original."""
from __future__ import annotations

from typing import List

import numpy as np

from mlp.mlp_architecture import MlpArchitecture
from schema_types import Discrete
from search_space import SearchSpace

MAX_DENSE_LAYERS = 7
#: units change by these steps (each one a morph when it stays in bounds)
UNIT_STEPS = (-5, -1, +1, +5)


def get_schema():
    """The original's schema: ``num-dense-layers`` and ``dense<i>-units``."""
    keys = [Discrete("num-dense-layers", bounds=(1, MAX_DENSE_LAYERS))]
    keys += [Discrete(f"dense{d}-units", bounds=(10, 256), can_be_optional=d > 0)
             for d in range(MAX_DENSE_LAYERS)]
    return {k.name: k for k in keys}


def schema_values(layers) -> dict:
    values = {"num-dense-layers": len(layers)}
    values.update({f"dense{i}-units": layer["units"] for i, layer in enumerate(layers)})
    return values


class MlpSearchSpace(SearchSpace):
    """Random architectures: 1-6 layers of 10-255 units (the original excludes the upper bounds when
    drawing). Morphs, in the original's order: remove a random layer, append a random layer, then
    units -5/-1/+1/+5 per layer (when in bounds). The original's MLP has no dropout."""

    name = "mlp"

    def __init__(self, input_shape=None, num_classes=None, dropout: float = 0.0):
        if dropout:
            raise ValueError(f"MlpSearchSpace: dropout={dropout!r}: the μNAS MLP space has no dropout")
        super().__init__(input_shape, num_classes, dropout)
        self._schema = get_schema()

    @property
    def schema(self):
        return self._schema

    def random_architecture(self, rng: np.random.Generator | None = None) -> MlpArchitecture:
        rng = rng if rng is not None else np.random.default_rng()
        n = self._schema["num-dense-layers"].uniform_random_value(rng)
        return MlpArchitecture([self.random_layer(i, rng) for i in range(n)])

    def random_layer(self, i, rng) -> dict:
        return {"units": self._schema[f"dense{i}-units"].uniform_random_value(rng)}

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
        copy = lambda: [dict(layer) for layer in layers]
        low, high = self._schema["num-dense-layers"].bounds
        morphs = []
        if len(layers) > low:
            child = copy()
            child.pop(int(rng.integers(len(layers))))
            morphs.append(child)
        if len(layers) < high:
            morphs.append(copy() + [self.random_layer(len(layers), rng)])
        for i, layer in enumerate(layers):
            u_low, u_high = self._schema[f"dense{i}-units"].bounds
            for step in UNIT_STEPS:
                if u_low <= layer["units"] + step <= u_high:
                    child = copy()
                    child[i]["units"] += step
                    morphs.append(child)
        return [MlpArchitecture(m) for m in morphs]

    def out_of_schema(self, arch: MlpArchitecture) -> list:
        """Schema variables of ``arch`` that are out of bounds (empty when it is in the space)."""
        return [k for k, v in schema_values(arch.architecture).items()
                if k not in self._schema or not self._schema[k].value_in_bounds(v)]
