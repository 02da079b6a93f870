"""The CNN search space: schema, random architectures and the morphisms of μNAS."""
from __future__ import annotations

import json
from typing import Callable, Iterator, List

import numpy as np

from cnn.cnn_architecture import CnnArchitecture
from cnn.cnn_schema import (MAX_CONV_BLOCKS, MAX_DENSE_BLOCKS, MAX_LAYERS_PER_CONV_BLOCK, P_POOLING,
                            P_PREPOOL, P_RELU, LAYER_TYPES, POOLING_TYPES, copy_architecture,
                            get_schema, layer_key, out_of_schema)
from cnn.network import network_key
from search_space import SearchSpace

FILTER_STEPS = (1, 3, 5)
UNIT_STEPS = (1, 3, 5)
KERNEL_STEP = 2
POOL_SIZE_STEP = 2


class CnnSearchSpace(SearchSpace):
    """μNAS's CNN space: 1-10 conv blocks of 1-3 layers, optional pooling, 1-3 dense blocks.

    ``produce_morphs`` returns every architecture one morphism away (add/remove a block or a layer,
    toggle a block's branch flag or a layer's batch norm / ReLU / pre-pooling / stride, change a
    layer's type, filters +-1/3/5, kernel +-2, pooling on/off/type/size, add/remove a dense block,
    units +-1/3/5). Added blocks, layers and pooling are drawn at random. Morphs that build the same
    network as their parent (e.g. a kernel beyond the clipped size, filters of a DWConv2D) or as an
    earlier morph are left out when the space knows its input shape, so that a morph drawn in a search
    never retrains an already-seen network.
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
        num_blocks = s["num-conv-blocks"].uniform_random_value(rng)
        blocks = [self._random_block(c, rng) for c in range(num_blocks)]
        pooling = self._random_pooling(rng) if rng.random() < P_POOLING else None
        dense = [self._random_dense(d, rng)
                 for d in range(s["num-dense-blocks"].uniform_random_value(rng))]
        return CnnArchitecture._trusted({"conv_blocks": blocks, "pooling": pooling,
                                         "dense_blocks": dense})

    def _random_layer(self, c: int, i: int, rng) -> dict:
        s = self._schema
        draw = lambda field: s[layer_key(c, i, field)].uniform_random_value(rng)
        return {"type": draw("type"), "ker_size": draw("ker_size"), "filters": draw("filters"),
                "2x_stride": draw("2x_stride"), "has_prepool": bool(rng.random() < P_PREPOOL),
                "has_bn": draw("has_bn"), "has_relu": bool(rng.random() < P_RELU)}

    def _random_block(self, c: int, rng) -> dict:
        s = self._schema
        num_layers = s[f"conv{c}-num-layers"].uniform_random_value(rng)
        is_branch = c > 0 and s[f"conv{c}-is-branch"].uniform_random_value(rng)
        return {"is_branch": bool(is_branch),
                "layers": [self._random_layer(c, i, rng) for i in range(num_layers)]}

    def _random_pooling(self, rng) -> dict:
        return {"type": self._schema["pooling-type"].uniform_random_value(rng),
                "pool_size": self._schema["pooling-size"].uniform_random_value(rng)}

    def _random_dense(self, d: int, rng) -> dict:
        return {"units": self._schema[f"dense{d}-units"].uniform_random_value(rng),
                "activation": self._schema[f"dense{d}-activation"].uniform_random_value(rng)}

    # --- morphisms ------------------------------------------------------------------------------
    def produce_morphs(self, arch: CnnArchitecture,
                       rng: np.random.Generator | None = None) -> List[CnnArchitecture]:
        if not isinstance(arch, CnnArchitecture):
            raise TypeError(f"CnnSearchSpace: expected a CnnArchitecture, got {type(arch).__name__}")
        bad = self.out_of_schema(arch)
        if bad:
            raise ValueError(f"CnnSearchSpace: cannot morph an architecture outside the space "
                             f"(out of bounds: {', '.join(bad)})")
        rng = rng if rng is not None else np.random.default_rng()
        parent = arch.architecture
        seen = {json.dumps(parent, sort_keys=True)}
        networks = set()
        parent_network = self._network(arch)
        if parent_network is not None:
            networks.add(parent_network)
        morphs = []
        for child in self._candidate_morphs(parent, rng):
            key = json.dumps(child, sort_keys=True)
            if key in seen:
                continue
            seen.add(key)
            morph = CnnArchitecture._trusted(child)
            if parent_network is not None:
                network = self._network(morph)
                if network in networks:
                    continue
                networks.add(network)
            morphs.append(morph)
        return morphs

    def _network(self, arch: CnnArchitecture):
        """What identifies the built network (None when the input shape is not known yet)."""
        if self.input_shape is None:
            return None
        return network_key(arch.layout(self.input_shape, self.num_classes or 3).layers)

    def _candidate_morphs(self, parent: dict, rng) -> Iterator[dict]:
        def edit(change: Callable[[dict], None]) -> dict:
            child = copy_architecture(parent)
            change(child)
            return child

        blocks = parent["conv_blocks"]
        s = self._schema
        # conv blocks: add (anywhere), remove, toggle branch
        if len(blocks) < MAX_CONV_BLOCKS:
            for c in range(len(blocks) + 1):
                def add_block(a, c=c):
                    new = self._random_block(c, rng)
                    if c == 0:
                        new["is_branch"] = False
                    a["conv_blocks"].insert(c, new)
                yield edit(add_block)
        if len(blocks) > 1:
            for c in range(len(blocks)):
                def remove_block(a, c=c):
                    del a["conv_blocks"][c]
                    a["conv_blocks"][0]["is_branch"] = False
                yield edit(remove_block)
        for c in range(1, len(blocks)):
            def toggle_branch(a, c=c):
                a["conv_blocks"][c]["is_branch"] = not a["conv_blocks"][c]["is_branch"]
            yield edit(toggle_branch)

        # layers
        for c, block in enumerate(blocks):
            n = len(block["layers"])
            if n < MAX_LAYERS_PER_CONV_BLOCK:
                for i in range(n + 1):
                    def add_layer(a, c=c, i=i):
                        a["conv_blocks"][c]["layers"].insert(i, self._random_layer(c, i, rng))
                    yield edit(add_layer)
            if n > 1:
                for i in range(n):
                    def remove_layer(a, c=c, i=i):
                        del a["conv_blocks"][c]["layers"][i]
                    yield edit(remove_layer)
            for i, layer in enumerate(block["layers"]):
                for field in ("has_bn", "has_relu", "has_prepool", "2x_stride"):
                    def toggle(a, c=c, i=i, field=field):
                        lay = a["conv_blocks"][c]["layers"][i]
                        lay[field] = not lay[field]
                    yield edit(toggle)
                for kind in LAYER_TYPES:
                    if kind != layer["type"]:
                        def change_type(a, c=c, i=i, kind=kind):
                            a["conv_blocks"][c]["layers"][i]["type"] = kind
                        yield edit(change_type)
                for d in (sign * step for step in FILTER_STEPS for sign in (1, -1)):
                    if s[layer_key(c, i, "filters")].value_in_bounds(layer["filters"] + d):
                        def filters(a, c=c, i=i, d=d):
                            a["conv_blocks"][c]["layers"][i]["filters"] += d
                        yield edit(filters)
                for d in (KERNEL_STEP, -KERNEL_STEP):
                    if s[layer_key(c, i, "ker_size")].value_in_bounds(layer["ker_size"] + d):
                        def kernel(a, c=c, i=i, d=d):
                            a["conv_blocks"][c]["layers"][i]["ker_size"] += d
                        yield edit(kernel)

        # pooling
        pooling = parent["pooling"]
        if pooling is None:
            def pooling_on(a):
                a["pooling"] = self._random_pooling(rng)
            yield edit(pooling_on)
        else:
            def pooling_off(a):
                a["pooling"] = None
            yield edit(pooling_off)
            for kind in POOLING_TYPES:
                if kind != pooling["type"]:
                    def pooling_type(a, kind=kind):
                        a["pooling"]["type"] = kind
                    yield edit(pooling_type)
            for d in (POOL_SIZE_STEP, -POOL_SIZE_STEP):
                if s["pooling-size"].value_in_bounds(pooling["pool_size"] + d):
                    def pooling_size(a, d=d):
                        a["pooling"]["pool_size"] += d
                    yield edit(pooling_size)

        # dense blocks
        dense = parent["dense_blocks"]
        if len(dense) < MAX_DENSE_BLOCKS:
            for d in range(len(dense) + 1):
                def add_dense(a, d=d):
                    a["dense_blocks"].insert(d, self._random_dense(d, rng))
                yield edit(add_dense)
        if len(dense) > 1:
            for d in range(len(dense)):
                def remove_dense(a, d=d):
                    del a["dense_blocks"][d]
                yield edit(remove_dense)
        for d, block in enumerate(dense):
            for u in (sign * step for step in UNIT_STEPS for sign in (1, -1)):
                if s[f"dense{d}-units"].value_in_bounds(block["units"] + u):
                    def units(a, d=d, u=u):
                        a["dense_blocks"][d]["units"] += u
                    yield edit(units)

    # --- checks ---------------------------------------------------------------------------------
    def out_of_schema(self, arch: CnnArchitecture) -> list:
        """Schema variables of ``arch`` that are out of bounds (empty when it is in the space)."""
        return out_of_schema(arch.architecture, self._schema)
