"""The CNN search space's free variables and the architecture dict they describe, both as in μNAS.

An architecture is the nested dict of the original μNAS::

    {"conv_blocks": [{"is_branch": bool, "layers": [layer, ...]}, ...],
     "pooling": {"type": "avg" | "max", "pool_size": int} or None,
     "dense_blocks": [{"units": int, "activation": "relu"}, ...]}

and each layer carries exactly the keys its type uses (``LAYER_KEYS``): a ``1x1Conv2D`` has no
``ker_size`` or ``2x_stride``, a ``DWConv2D`` no ``filters``. ``normalise`` accepts a dict taken
from an original μNAS run as it is (its bookkeeping keys ``_weights`` / ``_final_dense`` and numpy
scalars included) and also the older layout of this project, in which every layer carried every key;
keys a layer's type does not use are dropped (they never changed the network).
"""
from __future__ import annotations

from typing import Any, Dict, Mapping

import numpy as np

from schema_types import Boolean, Categorical, Discrete, ValueType

MAX_CONV_BLOCKS = 10
MAX_LAYERS_PER_CONV_BLOCK = 3
MAX_DENSE_BLOCKS = 3
LAYER_TYPES = ("Conv2D", "1x1Conv2D", "DWConv2D")
POOLING_TYPES = ("avg", "max")

# Probabilities of the original's random generator (other booleans are fair coins).
P_RELU = 0.9
P_PREPOOL = 0.25
P_POOLING = 0.9

_COMMON = ("has_bn", "has_relu", "has_prepool")
#: the keys of a layer dict, per layer type
LAYER_KEYS = {
    "Conv2D": ("type", "ker_size", "filters", "2x_stride") + _COMMON,
    "1x1Conv2D": ("type", "filters") + _COMMON,
    "DWConv2D": ("type", "ker_size", "2x_stride") + _COMMON,
}
# layer dict key -> schema key suffix
_SCHEMA_SUFFIX = {"type": "type", "ker_size": "ker-size", "filters": "filters",
                  "2x_stride": "2x-stride", "has_prepool": "has-pre-pool", "has_bn": "has-bn",
                  "has_relu": "has-relu"}


def layer_key(block: int, layer: int, field: str) -> str:
    """Schema key of one layer field, e.g. ``layer_key(0, 1, "has_prepool") == "conv0-l1-has-pre-pool"``."""
    return f"conv{block}-l{layer}-{_SCHEMA_SUFFIX[field]}"


def build_schema() -> Dict[str, ValueType]:
    """The original's schema: same keys, types, bounds, optionality and order."""
    keys = [Discrete("num-conv-blocks", bounds=(1, MAX_CONV_BLOCKS))]
    for c in range(MAX_CONV_BLOCKS):
        keys.append(Boolean(f"conv{c}-is-branch", can_be_optional=c > 0))
        keys.append(Discrete(f"conv{c}-num-layers", bounds=(1, MAX_LAYERS_PER_CONV_BLOCK),
                             can_be_optional=True))
        for i in range(MAX_LAYERS_PER_CONV_BLOCK):
            keys += [Categorical(layer_key(c, i, "type"), values=list(LAYER_TYPES), can_be_optional=True),
                     Discrete(layer_key(c, i, "ker_size"), bounds=(3, 7), increment=2, can_be_optional=True),
                     Discrete(layer_key(c, i, "filters"), bounds=(1, 128), can_be_optional=True),
                     Boolean(layer_key(c, i, "2x_stride"), can_be_optional=True),
                     Boolean(layer_key(c, i, "has_prepool"), can_be_optional=True),
                     Boolean(layer_key(c, i, "has_bn"), can_be_optional=True),
                     Boolean(layer_key(c, i, "has_relu"), can_be_optional=True)]
    keys += [Boolean("pool-is-avg", can_be_optional=True),
             Discrete("pool-size", bounds=(2, 6), increment=2, can_be_optional=True),
             Discrete("num-dense-blocks", bounds=(1, MAX_DENSE_BLOCKS))]
    for d in range(MAX_DENSE_BLOCKS):
        keys.append(Discrete(f"dense{d}-units", bounds=(10, 256), can_be_optional=d > 0))
    return {k.name: k for k in keys}


_SCHEMA = None


def get_schema() -> Dict[str, ValueType]:
    """The (shared, read-only) schema."""
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = build_schema()
    return _SCHEMA


def schema_values(arch: Mapping) -> Dict[str, Any]:
    """The schema variables an architecture dict sets (a flat view; blocks it lacks are absent)."""
    blocks = arch["conv_blocks"]
    values: Dict[str, Any] = {"num-conv-blocks": len(blocks),
                              "num-dense-blocks": len(arch["dense_blocks"])}
    if arch["pooling"] is not None:
        values["pool-is-avg"] = arch["pooling"]["type"] == "avg"
        values["pool-size"] = arch["pooling"]["pool_size"]
    for c, block in enumerate(blocks):
        values[f"conv{c}-num-layers"] = len(block["layers"])
        values[f"conv{c}-is-branch"] = block["is_branch"]
        for i, layer in enumerate(block["layers"]):
            for name in LAYER_KEYS[layer["type"]]:
                values[layer_key(c, i, name)] = layer[name]
    for d, block in enumerate(arch["dense_blocks"]):
        values[f"dense{d}-units"] = block["units"]
    return values


def out_of_schema(arch: Mapping, schema: Mapping[str, ValueType] | None = None) -> list:
    """Names of the schema variables whose value in ``arch`` is out of bounds (empty: in the space)."""
    schema = schema if schema is not None else get_schema()
    bad = [k for k, v in schema_values(arch).items() if k not in schema or not schema[k].value_in_bounds(v)]
    if arch["conv_blocks"] and arch["conv_blocks"][0]["is_branch"]:
        bad.append("conv0-is-branch")
    return bad


def copy_architecture(arch: Mapping) -> dict:
    """A deep copy of a normalised architecture dict, much faster than ``copy.deepcopy``."""
    pooling = arch["pooling"]
    return {"conv_blocks": [{"is_branch": b["is_branch"], "layers": [dict(l) for l in b["layers"]]}
                            for b in arch["conv_blocks"]],
            "pooling": None if pooling is None else dict(pooling),
            "dense_blocks": [dict(d) for d in arch["dense_blocks"]]}


# --- structural validation (any architecture, in the space or not) --------------------------------
def _fail(path: str, problem: str, value) -> None:
    raise ValueError(f"CNN architecture: {path} {problem} (got {value!r:.80})")


def _int(path, value, low=1) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or value < low:
        _fail(path, f"must be an integer >= {low}", value)
    return int(value)


def _bool(path, value) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        _fail(path, "must be true or false", value)
    return bool(value)


def _get(mapping, key, path):
    if not isinstance(mapping, Mapping):
        _fail(path, "must be a dict", mapping)
    if key not in mapping:
        _fail(f"{path}.{key}", "is missing", None)
    return mapping[key]


def normalise(arch: Any) -> dict:
    """A plain, normalised copy of a CNN architecture dict; ``ValueError`` naming the field when it
    is not buildable. Keys a layer's type does not use and ``_``-prefixed bookkeeping keys are dropped;
    numpy scalars become Python values."""
    blocks = _get(arch, "conv_blocks", "architecture")
    pooling = _get(arch, "pooling", "architecture")
    dense = _get(arch, "dense_blocks", "architecture")
    if not isinstance(blocks, list) or not blocks:
        _fail("conv_blocks", "must be a non-empty list", blocks)
    out_blocks = []
    for c, block in enumerate(blocks):
        path = f"conv_blocks[{c}]"
        is_branch = _bool(f"{path}.is_branch", _get(block, "is_branch", path))
        if c == 0 and is_branch:
            _fail(f"{path}.is_branch", "must be false for the first block", True)
        layers = _get(block, "layers", path)
        if not isinstance(layers, list) or not layers:
            _fail(f"{path}.layers", "must be a non-empty list", layers)
        out_layers = []
        for i, layer in enumerate(layers):
            lpath = f"{path}.layers[{i}]"
            kind = _get(layer, "type", lpath)
            if kind not in LAYER_TYPES:
                _fail(f"{lpath}.type", f"must be one of {LAYER_TYPES}", kind)
            out = {"type": kind}
            for key in LAYER_KEYS[kind][1:]:
                value = _get(layer, key, lpath)
                out[key] = _int(f"{lpath}.{key}", value) if key in ("ker_size", "filters") \
                    else _bool(f"{lpath}.{key}", value)
            out_layers.append(out)
        out_blocks.append({"is_branch": is_branch, "layers": out_layers})
    if pooling is not None:
        kind = _get(pooling, "type", "pooling")
        if kind not in POOLING_TYPES:
            _fail("pooling.type", f"must be one of {POOLING_TYPES}", kind)
        pooling = {"type": kind, "pool_size": _int("pooling.pool_size", _get(pooling, "pool_size", "pooling"))}
    if not isinstance(dense, list):
        _fail("dense_blocks", "must be a list", dense)
    out_dense = []
    for d, block in enumerate(dense):
        path = f"dense_blocks[{d}]"
        units = _int(f"{path}.units", _get(block, "units", path))
        activation = _get(block, "activation", path)
        if activation is not None and not isinstance(activation, str):
            _fail(f"{path}.activation", "must be an activation name or null", activation)
        out_dense.append({"units": units, "activation": activation})
    return {"conv_blocks": out_blocks, "pooling": pooling, "dense_blocks": out_dense}


def validate(arch: Any) -> None:
    """Raise ``ValueError`` naming the field when ``arch`` is not a buildable CNN architecture dict."""
    normalise(arch)
