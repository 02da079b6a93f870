"""The CNN search space's free variables, named as in μNAS, and the architecture dict they describe.

An architecture is the nested dict of μNAS::

    {"conv_blocks": [{"is_branch": bool,
                      "layers": [{"type": "Conv2D" | "1x1Conv2D" | "DWConv2D", "ker_size": int,
                                  "filters": int, "2x_stride": bool, "has_prepool": bool,
                                  "has_bn": bool, "has_relu": bool}, ...]}, ...],
     "pooling": {"type": "avg" | "max", "pool_size": int} or None,
     "dense_blocks": [{"units": int, "activation": "relu"}, ...]}

Every layer carries every field; ``ker_size`` is unused by 1x1Conv2D layers, ``filters`` by DWConv2D
layers and ``2x_stride`` by 1x1Conv2D layers (μNAS never strides a 1x1 convolution).
"""
from __future__ import annotations

from typing import Any, Dict, Mapping

from schema_types import Boolean, Categorical, Discrete, ValueType

MAX_CONV_BLOCKS = 10
MAX_LAYERS_PER_CONV_BLOCK = 3
MAX_DENSE_BLOCKS = 3
LAYER_TYPES = ("Conv2D", "1x1Conv2D", "DWConv2D")
POOLING_TYPES = ("avg", "max")
DENSE_ACTIVATIONS = ("relu",)

# Probabilities of the seed's random generator (other booleans are fair coins).
P_RELU = 0.9
P_PREPOOL = 0.25
P_POOLING = 0.9

LAYER_FIELDS = ("type", "ker_size", "filters", "2x_stride", "has_prepool", "has_bn", "has_relu")
# layer field -> schema key suffix
_LAYER_KEYS = {"type": "type", "ker_size": "ker-size", "filters": "filters", "2x_stride": "2x-stride",
               "has_prepool": "has-prepool", "has_bn": "has-bn", "has_relu": "has-relu"}


def layer_key(block: int, layer: int, field: str) -> str:
    return f"conv{block}-l{layer}-{_LAYER_KEYS[field]}"


def get_schema() -> Dict[str, ValueType]:
    schema: Dict[str, ValueType] = {
        "num-conv-blocks": Discrete((1, MAX_CONV_BLOCKS)),
        "num-dense-blocks": Discrete((1, MAX_DENSE_BLOCKS)),
        "pooling-type": Categorical(list(POOLING_TYPES), can_be_optional=True),
        "pooling-size": Discrete((2, 6), increment=2),
    }
    for c in range(MAX_CONV_BLOCKS):
        schema[f"conv{c}-num-layers"] = Discrete((1, MAX_LAYERS_PER_CONV_BLOCK))
        schema[f"conv{c}-is-branch"] = Boolean()
        for i in range(MAX_LAYERS_PER_CONV_BLOCK):
            schema.update({
                layer_key(c, i, "type"): Categorical(list(LAYER_TYPES)),
                layer_key(c, i, "ker_size"): Discrete((3, 7), increment=2),
                layer_key(c, i, "filters"): Discrete((1, 128)),
                layer_key(c, i, "2x_stride"): Boolean(),
                layer_key(c, i, "has_prepool"): Boolean(),
                layer_key(c, i, "has_bn"): Boolean(),
                layer_key(c, i, "has_relu"): Boolean(),
            })
    for d in range(MAX_DENSE_BLOCKS):
        schema[f"dense{d}-units"] = Discrete((10, 256))
        schema[f"dense{d}-activation"] = Categorical(list(DENSE_ACTIVATIONS))
    return schema


def schema_values(arch: Mapping) -> Dict[str, Any]:
    """The schema variables an architecture dict sets (a flat view; blocks it lacks are absent)."""
    blocks = arch["conv_blocks"]
    values: Dict[str, Any] = {
        "num-conv-blocks": len(blocks),
        "num-dense-blocks": len(arch["dense_blocks"]),
        "pooling-type": None if arch["pooling"] is None else arch["pooling"]["type"],
    }
    if arch["pooling"] is not None:
        values["pooling-size"] = arch["pooling"]["pool_size"]
    for c, block in enumerate(blocks):
        values[f"conv{c}-num-layers"] = len(block["layers"])
        values[f"conv{c}-is-branch"] = block["is_branch"]
        for i, layer in enumerate(block["layers"]):
            for name in LAYER_FIELDS:
                values[layer_key(c, i, name)] = layer[name]
    for d, block in enumerate(arch["dense_blocks"]):
        values[f"dense{d}-units"] = block["units"]
        values[f"dense{d}-activation"] = block["activation"]
    return values


def out_of_schema(arch: Mapping, schema: Mapping[str, ValueType] | None = None) -> list:
    """Names of the schema variables whose value in ``arch`` is out of bounds (empty: in the space)."""
    schema = schema if schema is not None else get_schema()
    bad = [k for k, v in schema_values(arch).items() if k not in schema or not schema[k].value_in_bounds(v)]
    if arch["conv_blocks"] and arch["conv_blocks"][0]["is_branch"]:
        bad.append("conv0-is-branch")
    return bad


def copy_architecture(arch: Mapping) -> dict:
    """A deep copy of a (validated) architecture dict, much faster than ``copy.deepcopy``."""
    pooling = arch["pooling"]
    return {"conv_blocks": [{"is_branch": b["is_branch"], "layers": [dict(l) for l in b["layers"]]}
                            for b in arch["conv_blocks"]],
            "pooling": None if pooling is None else dict(pooling),
            "dense_blocks": [dict(d) for d in arch["dense_blocks"]]}


# --- structural validation (any architecture, in the space or not) --------------------------------
def _fail(path: str, problem: str, value) -> None:
    raise ValueError(f"CNN architecture: {path} {problem} (got {value!r:.80})")


def _int(path, value, low=1):
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        _fail(path, f"must be an integer >= {low}", value)


def _bool(path, value):
    if not isinstance(value, bool):
        _fail(path, "must be true or false", value)


def validate(arch: Any) -> None:
    """Raise ``ValueError`` naming the field when ``arch`` is not a buildable CNN architecture dict."""
    if not isinstance(arch, Mapping):
        _fail("architecture", "must be a dict", arch)
    for key in ("conv_blocks", "pooling", "dense_blocks"):
        if key not in arch:
            _fail(key, "is missing", None)
    blocks = arch["conv_blocks"]
    if not isinstance(blocks, list) or not blocks:
        _fail("conv_blocks", "must be a non-empty list", blocks)
    for c, block in enumerate(blocks):
        path = f"conv_blocks[{c}]"
        if not isinstance(block, Mapping) or set(block) != {"is_branch", "layers"}:
            _fail(path, "must be a dict with keys is_branch, layers", block)
        _bool(f"{path}.is_branch", block["is_branch"])
        if c == 0 and block["is_branch"]:
            _fail(f"{path}.is_branch", "must be false for the first block", True)
        if not isinstance(block["layers"], list) or not block["layers"]:
            _fail(f"{path}.layers", "must be a non-empty list", block["layers"])
        for i, layer in enumerate(block["layers"]):
            lpath = f"{path}.layers[{i}]"
            if not isinstance(layer, Mapping) or set(layer) != set(LAYER_FIELDS):
                _fail(lpath, f"must be a dict with keys {', '.join(LAYER_FIELDS)}", layer)
            if layer["type"] not in LAYER_TYPES:
                _fail(f"{lpath}.type", f"must be one of {LAYER_TYPES}", layer["type"])
            _int(f"{lpath}.ker_size", layer["ker_size"])
            _int(f"{lpath}.filters", layer["filters"])
            for name in ("2x_stride", "has_prepool", "has_bn", "has_relu"):
                _bool(f"{lpath}.{name}", layer[name])
    pooling = arch["pooling"]
    if pooling is not None:
        if not isinstance(pooling, Mapping) or set(pooling) != {"type", "pool_size"}:
            _fail("pooling", "must be null or a dict with keys type, pool_size", pooling)
        if pooling["type"] not in POOLING_TYPES:
            _fail("pooling.type", f"must be one of {POOLING_TYPES}", pooling["type"])
        _int("pooling.pool_size", pooling["pool_size"])
    dense = arch["dense_blocks"]
    if not isinstance(dense, list):
        _fail("dense_blocks", "must be a list", dense)
    for d, block in enumerate(dense):
        path = f"dense_blocks[{d}]"
        if not isinstance(block, Mapping) or set(block) != {"units", "activation"}:
            _fail(path, "must be a dict with keys units, activation", block)
        _int(f"{path}.units", block["units"])
        if block["activation"] is not None and not isinstance(block["activation"], str):
            _fail(f"{path}.activation", "must be an activation name or null", block["activation"])
