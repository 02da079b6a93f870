"""Graphs to and from plain dicts in the format of shared/reference/resource_graphs.json.

Used to replay the reference graphs in tests and benchmarks, and to store graphs as JSON.
"""
import numpy as np

from .errors import ResourceModelError
from .graph import Graph
from .ops import Add, Conv2D, Dense, DWConv2D, Input, Pool

_OP_TYPES = {"Conv2D": Conv2D, "DWConv2D": DWConv2D, "Dense": Dense, "Pool": Pool, "Add": Add}
_ELEMENT_TYPES = {1: np.uint8, 2: np.int16, 4: np.float32, 8: np.float64}
_STRUCTURE_KEYS = ("name", "op", "inputs", "output", "output_shape")


def graph_from_dict(record, element_type=None):
    """Rebuild a Graph from a record ({"input", "ops", "outputs", ["element_size"]}).

    Extra keys (expected figures, tags) are ignored. Each op's recorded
    `output_shape` is checked against shape inference.
    """
    if element_type is None:
        esize = record.get("element_size", 1)
        if esize not in _ELEMENT_TYPES:
            raise ResourceModelError(f"record: unsupported element_size {esize!r}")
        element_type = _ELEMENT_TYPES[esize]
    g = Graph(element_type=element_type)
    inputs = record["input"]
    inputs = inputs if isinstance(inputs, list) else [inputs]
    with g.as_current():
        tensors = {}
        for spec in inputs:
            tensors[spec["name"]] = Input(tuple(spec["shape"]), name=spec["name"])
        for spec in record["ops"]:
            kind = spec.get("op")
            if kind not in _OP_TYPES:
                raise ResourceModelError(f"op {spec.get('name')!r}: unknown op type {kind!r}")
            params = {k: v for k, v in spec.items() if k not in _STRUCTURE_KEYS}
            for k in ("kernel_size", "stride", "pool_size"):
                if isinstance(params.get(k), list):
                    params[k] = tuple(params[k])
            try:
                args = [tensors[name] for name in spec["inputs"]]
            except KeyError as e:
                raise ResourceModelError(f"op {spec['name']!r}: unknown input tensor {e.args[0]!r}") from None
            out = _OP_TYPES[kind](name=spec["name"], **params)(args if kind == "Add" else args[0])
            if "output_shape" in spec and list(out.shape) != list(spec["output_shape"]):
                raise ResourceModelError(f"op {spec['name']!r}: inferred output shape {list(out.shape)} "
                                         f"differs from recorded {spec['output_shape']}")
            tensors[spec.get("output", out.name)] = out
        for name in record["outputs"]:
            if name not in tensors:
                raise ResourceModelError(f"record: unknown output tensor {name!r}")
            g.add_output(tensors[name])
    return g


def graph_to_dict(g):
    """The record for graph g (inverse of graph_from_dict; no figures)."""
    if len(g.inputs) == 1:
        inp = {"name": g.inputs[0].name, "shape": list(g.inputs[0].shape)}
    else:
        inp = [{"name": t.name, "shape": list(t.shape)} for t in g.inputs]
    ops = []
    for op in g.operators:
        ops.append({"name": op.name, "op": type(op).__name__, "inputs": [t.name for t in op.inputs],
                    "output": op.output.name, "output_shape": list(op.output.shape), **op.params()})
    return {"input": inp, "ops": ops, "outputs": [t.name for t in g.outputs],
            "element_size": g.element_size}
