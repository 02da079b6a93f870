"""The CNN search space of μNAS: its random architectures and its morphisms, as the original draws them."""
from __future__ import annotations

from typing import List, Optional

import numpy as np

from cnn.cnn_architecture import CnnArchitecture
from cnn.cnn_schema import (LAYER_TYPES, P_POOLING, P_PREPOOL, P_RELU, copy_architecture, get_schema,
                            layer_key, out_of_schema)
from search_space import SearchSpace

#: filters and dense units change by these steps (each one a morph when it stays in bounds)
WIDTH_STEPS = (-5, -3, -1, +1, +3, +5)


class CnnSearchSpace(SearchSpace):
    """μNAS's CNN space: 1-10 conv blocks of 1-3 layers, optional pooling, 1-3 dense blocks.

    Random architectures are drawn as the original draws them: schema values uniformly with the
    upper bound excluded (so 1-9 blocks of 1-2 layers, 1-2 dense blocks, kernels 3/5, pool size 2/4,
    1-127 filters, 10-255 units), ReLU with probability 0.9, pre-pooling 0.25, global pooling 0.9.

    ``produce_morphs`` returns the original's list, in its order and with its multiplicities (morphs
    that build the same network as the parent, or as each other, included): remove a random block /
    add a one-layer block at the end; per block: toggle its branch flag (not the first), remove it
    (when it has one layer), remove a random layer, insert a random layer at a random position (never
    after the last); per layer: toggle batch norm, ReLU, pre-pooling; change its type (the layer is
    drawn anew); filters +-1/3/5 (Conv2D, 1x1Conv2D); kernel +-2 and toggle stride (Conv2D, DWConv2D);
    pooling on/off, its type and size +-2; remove a random dense block / add one at the end; units
    +-1/3/5. When the space knows its input shape, the parent is first taken as the original held a
    trained parent (``CnnArchitecture.as_built``).
    """

    name = "cnn"

    def __init__(self, input_shape=None, num_classes=None, dropout: float = 0.0):
        super().__init__(input_shape, num_classes, dropout)
        self._schema = get_schema()

    @property
    def schema(self):
        return self._schema

    # --- random architectures -------------------------------------------------------------------
    def random_architecture(self, rng: np.random.Generator | None = None) -> CnnArchitecture:
        rng = rng if rng is not None else np.random.default_rng()
        s = self._schema
        blocks = [self.random_conv_block(c, rng) for c in range(s["num-conv-blocks"].uniform_random_value(rng))]
        pooling = self.random_pooling(rng) if rng.random() < P_POOLING else None
        dense = [self.random_dense_block(d, rng)
                 for d in range(s["num-dense-blocks"].uniform_random_value(rng))]
        return CnnArchitecture._trusted({"conv_blocks": blocks, "pooling": pooling, "dense_blocks": dense})

    def random_conv_layer(self, c: int, i: int, rng, layer_type: Optional[str] = None) -> dict:
        """A random layer for position ``i`` of block ``c`` (of a random type unless one is given)."""
        s = self._schema
        draw = lambda field: s[layer_key(c, i, field)].uniform_random_value(rng)
        kind = layer_type if layer_type is not None else draw("type")
        layer = {"type": kind}
        if kind in ("Conv2D", "DWConv2D"):
            layer["ker_size"] = draw("ker_size")
        if kind in ("Conv2D", "1x1Conv2D"):
            layer["filters"] = draw("filters")
        if kind in ("Conv2D", "DWConv2D"):
            layer["2x_stride"] = draw("2x_stride")
        layer["has_bn"] = draw("has_bn")
        layer["has_relu"] = bool(rng.random() < P_RELU)
        layer["has_prepool"] = bool(rng.random() < P_PREPOOL)
        return layer

    def random_conv_block(self, c: int, rng, num_layers: Optional[int] = None) -> dict:
        s = self._schema
        is_branch = False if c == 0 else s[f"conv{c}-is-branch"].uniform_random_value(rng)
        n = num_layers or s[f"conv{c}-num-layers"].uniform_random_value(rng)
        return {"is_branch": bool(is_branch), "layers": [self.random_conv_layer(c, i, rng) for i in range(n)]}

    def random_pooling(self, rng) -> dict:
        is_avg = self._schema["pool-is-avg"].uniform_random_value(rng)
        return {"type": "avg" if is_avg else "max",
                "pool_size": self._schema["pool-size"].uniform_random_value(rng)}

    def random_dense_block(self, d: int, rng) -> dict:
        return {"units": self._schema[f"dense{d}-units"].uniform_random_value(rng), "activation": "relu"}

    # --- morphisms ------------------------------------------------------------------------------
    def produce_morphs(self, arch: CnnArchitecture,
                       rng: np.random.Generator | None = None) -> List[CnnArchitecture]:
        if not isinstance(arch, CnnArchitecture):
            raise TypeError(f"CnnSearchSpace: expected a CnnArchitecture, got {type(arch).__name__}")
        rng = rng if rng is not None else np.random.default_rng()
        parent, changes = self._morph_changes(arch, rng)
        return [self._apply(parent, change) for change in changes]

    def random_morph(self, arch: CnnArchitecture, rng: np.random.Generator) -> CnnArchitecture:
        """One morph drawn uniformly from ``produce_morphs``'s list (only the drawn one is built)."""
        if not isinstance(arch, CnnArchitecture):
            raise TypeError(f"CnnSearchSpace: expected a CnnArchitecture, got {type(arch).__name__}")
        parent, changes = self._morph_changes(arch, rng)
        return self._apply(parent, changes[int(rng.integers(0, len(changes)))])

    @staticmethod
    def _apply(parent: dict, change) -> CnnArchitecture:
        child = copy_architecture(parent)
        change(child)
        return CnnArchitecture._trusted(child)

    def _morph_changes(self, arch: CnnArchitecture, rng):
        """The parent dict (as built, when the input shape is known) and the original's morph list
        as changes to apply to a copy of it."""
        bad = self.out_of_schema(arch)
        if bad:
            raise ValueError(f"CnnSearchSpace: cannot morph an architecture outside the space "
                             f"(out of bounds: {', '.join(bad)})")
        if self.input_shape is not None:
            arch = arch.as_built(self.input_shape)
        return arch.architecture, self._changes(arch.architecture, rng)

    def _changes(self, parent: dict, rng) -> list:
        s = self._schema
        changes: list = []
        edit = changes.append

        blocks = parent["conv_blocks"]
        n_blocks = len(blocks)
        low, high = s["num-conv-blocks"].bounds
        if n_blocks > low:
            edit(lambda a: _remove_conv_block(a, int(rng.integers(n_blocks))))
        if n_blocks < high:
            edit(lambda a: a["conv_blocks"].append(self.random_conv_block(n_blocks, rng, num_layers=1)))

        for c, block in enumerate(blocks):
            if c > 0:
                edit(lambda a, c=c: a["conv_blocks"][c].update(is_branch=not a["conv_blocks"][c]["is_branch"]))
            n_layers = len(block["layers"])
            low_l, high_l = s[f"conv{c}-num-layers"].bounds
            if n_layers == low_l and n_blocks > low:
                edit(lambda a, c=c: _remove_conv_block(a, c))
            if n_layers > low_l:
                edit(lambda a, c=c, n=n_layers: a["conv_blocks"][c]["layers"].pop(int(rng.integers(n))))
            if n_layers < high_l:
                def insert_layer(a, c=c, n=n_layers):
                    at = int(rng.integers(n))
                    a["conv_blocks"][c]["layers"].insert(at, self.random_conv_layer(c, at, rng))
                edit(insert_layer)

            for i, layer in enumerate(block["layers"]):
                def toggle(field, c=c, i=i):
                    def change(a):
                        lay = a["conv_blocks"][c]["layers"][i]
                        lay[field] = not lay[field]
                    return change
                for field in ("has_bn", "has_relu", "has_prepool"):
                    edit(toggle(field))
                for kind in s[layer_key(c, i, "type")].values:
                    if kind != layer["type"]:
                        edit(lambda a, c=c, i=i, kind=kind: a["conv_blocks"][c]["layers"].__setitem__(
                            i, self.random_conv_layer(c, i, rng, layer_type=kind)))
                if layer["type"] in ("Conv2D", "1x1Conv2D"):
                    f_low, f_high = s[layer_key(c, i, "filters")].bounds
                    for d in WIDTH_STEPS:
                        if f_low <= layer["filters"] + d <= f_high:
                            edit(lambda a, c=c, i=i, d=d: _add(a["conv_blocks"][c]["layers"][i], "filters", d))
                if layer["type"] in ("Conv2D", "DWConv2D"):
                    ker = s[layer_key(c, i, "ker_size")]
                    for d in (-ker.increment, ker.increment):
                        if ker.bounds[0] <= layer["ker_size"] + d <= ker.bounds[1]:
                            edit(lambda a, c=c, i=i, d=d: _add(a["conv_blocks"][c]["layers"][i], "ker_size", d))
                    edit(toggle("2x_stride"))

        pooling = parent["pooling"]
        if pooling:
            edit(lambda a: a.update(pooling=None))
            edit(lambda a: a["pooling"].update(type="avg" if pooling["type"] == "max" else "max"))
            size = s["pool-size"]
            for d in (-size.increment, size.increment):
                if size.bounds[0] <= pooling["pool_size"] + d <= size.bounds[1]:
                    edit(lambda a, d=d: _add(a["pooling"], "pool_size", d))
        else:
            edit(lambda a: a.update(pooling=self.random_pooling(rng)))

        dense = parent["dense_blocks"]
        d_low, d_high = s["num-dense-blocks"].bounds
        if len(dense) > d_low:
            edit(lambda a: a["dense_blocks"].pop(int(rng.integers(len(dense)))))
        if len(dense) < d_high:
            edit(lambda a: a["dense_blocks"].append(self.random_dense_block(len(dense), rng)))
        for d, block in enumerate(dense):
            u_low, u_high = s[f"dense{d}-units"].bounds
            for step in WIDTH_STEPS:
                if u_low <= block["units"] + step <= u_high:
                    edit(lambda a, d=d, step=step: _add(a["dense_blocks"][d], "units", step))
        return changes

    # --- checks ---------------------------------------------------------------------------------
    def out_of_schema(self, arch: CnnArchitecture) -> list:
        """Schema variables of ``arch`` that are out of bounds (empty when it is in the space)."""
        return out_of_schema(arch.architecture, self._schema)


def _add(mapping: dict, key: str, amount: int) -> None:
    mapping[key] += amount


def _remove_conv_block(arch: dict, idx: int) -> None:
    """Remove block ``idx``; a branch block right after a removed non-branch block becomes the new
    start of its group (the original's fix-up)."""
    blocks = arch["conv_blocks"]
    if not blocks[idx]["is_branch"] and idx + 1 < len(blocks) and blocks[idx + 1]["is_branch"]:
        blocks[idx + 1]["is_branch"] = False
    blocks.pop(idx)
