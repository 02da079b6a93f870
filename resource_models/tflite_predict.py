"""The .tflite model the project's export writes for a resource graph, predicted without converting.

The search never converts its candidates, yet its bounds should be on what the target pays: the
flash the .tflite takes and the arena TFLM needs. The export (``deploy.export_model``) converts a
Keras model to int8 at batch 1 (``utils.convert_to_tflite``), reorders its operators for the least
arena head (:func:`resource_models.tflite_order.optimise`) and writes the canonical form
(:mod:`resource_models.tflite_canonical`). This module builds the model the converter produces
for a resource graph of the μNAS spaces (same operators, tensors, shapes, quantisation channel
counts, options, metadata; all constant data zero) and passes it through the same reordering and
canonical packing, so the file size and every arena figure follow from the same code as the
export's.

What the converter does, as measured on random architectures of both spaces (TensorFlow 2.21):

- Conv2D / DepthwiseConv2D / Dense (batch norm folded, ReLU fused) become CONV_2D,
  DEPTHWISE_CONV_2D and FULLY_CONNECTED with per-channel int8 filters (depthwise: quantised
  dimension 3) and int32 biases with as many scales;
- pooling becomes MAX_POOL_2D / AVERAGE_POOL_2D ('same' padding), kept even when it is 1x1;
- an Add's zero-padded input becomes a PAD (an int32 [4, 2] paddings constant); an Add of n inputs
  is n - 1 ADDs; where the maps are 1x1 with more than one channel, the converter feeds each ADD's
  second input through a RESHAPE to rank 1 (an int32 [1] shape constant);
- the flatten before a Dense is a RESHAPE to [1, features] (an int32 [2] shape constant), except
  on a 1x1 map, which FULLY_CONNECTED reads as it is;
- equal constants (shapes, paddings) are one tensor;
- the model carries ``min_runtime_version`` ("1.14.0", 16 bytes) and a 96-byte
  ``CONVERSION_METADATA``, and one signature ``serving_default``.

A bias that is exactly zero (an untrained layer) can be dropped by the converter; a trained model's
biases are not, and the prediction assumes they are present.
"""
from __future__ import annotations

from typing import Dict, List

import numpy as np

from .errors import ResourceModelError
from .tflite import TfliteModel, read_tflite
from .tflite_canonical import exported
from .tflite_rewrite import pack_model
from .tflite_schema import load_schema

# Operator versions the converter writes for these int8 operators, and the metadata it adds.
OPERATOR_VERSIONS = {"CONV_2D": 3, "DEPTHWISE_CONV_2D": 3, "FULLY_CONNECTED": 4,
                     "MAX_POOL_2D": 2, "AVERAGE_POOL_2D": 2, "PAD": 2, "ADD": 2, "RESHAPE": 1}
MIN_RUNTIME_VERSION = b"1.14.0"
MIN_RUNTIME_VERSION_BYTES = 16
CONVERSION_METADATA_BYTES = 96
DESCRIPTION = "MLIR Converted."
SCHEMA_VERSION = 3


class UnpredictableGraphError(ResourceModelError):
    """A resource graph with an operator (or setting) whose converted form is not modelled."""


FOOTPRINT_KEYS = ("tflite_bytes", "arena_head_bytes", "arena_tail_bytes", "arena_total_bytes",
                  "min_arena_bytes")


def deployed_footprint(graph, target: str = "x86-64", kernels: str = "reference") -> dict:
    """What the exported model of ``graph`` costs on a runtime: the .tflite's bytes and TFLM's arena
    head, tail, total and smallest arena (the figures ``resource_models.tflite.analyse`` gives for
    the exported file), for ``target`` ('x86-64' wheel or 'cortex-m4') and ``kernels``
    ('reference' or 'cmsis-nn')."""
    from .tflm_arena import arena_figures

    model = predicted_tflite_model(graph)
    try:
        arena = arena_figures(model, target, kernels)
    except ValueError as e:                       # unknown target or kernel set
        if isinstance(e, ResourceModelError):
            raise
        raise UnpredictableGraphError(str(e)) from None
    return {"tflite_bytes": len(model.data), "arena_head_bytes": int(arena.head_bytes),
            "arena_tail_bytes": int(arena.tail_bytes),
            "arena_total_bytes": int(arena.total_bytes),
            "min_arena_bytes": int(arena.min_arena_bytes)}


def predicted_tflite_model(graph) -> TfliteModel:
    """The :class:`TfliteModel` of the file the export writes for ``graph`` (its ``data`` is that
    file with zero weights: the same length)."""
    return _predicted(_graph_key(graph), graph)


def predicted_flatbuffer(graph) -> bytes:
    """The exported file for ``graph``, every constant zero (its length is the real file's)."""
    return predicted_tflite_model(graph).data


def converted_flatbuffer(graph) -> bytes:
    """What the converter produces for ``graph`` (before the export reorders and canonicalises),
    every constant zero."""
    return pack_model(_Converted(graph).model())


def exported_flatbuffer(converted: bytes) -> bytes:
    """What the export writes for a converted model (:func:`resource_models.tflite_canonical.
    exported`): ``deploy.export_model`` writes it for the real conversion, the prediction builds it
    for the modelled one."""
    return exported(converted)[0]


def _graph_key(graph):
    """A hashable description of what the prediction reads from a graph."""
    parts = [tuple(t.shape) for t in graph.inputs]
    for op in graph.operators:
        parts.append((type(op).__name__, op.name, tuple(t.name for t in op.inputs),
                      tuple(op.output.shape), tuple(sorted(
                          (k, repr(v)) for k, v in op.params().items()))))
    parts.append(tuple(t.name for t in graph.outputs))
    return tuple(parts)


_CACHE: Dict[tuple, TfliteModel] = {}
_CACHE_SIZE = 32


def _predicted(key, graph) -> TfliteModel:
    model = _CACHE.get(key)
    if model is None:
        model = read_tflite(exported_flatbuffer(converted_flatbuffer(graph)))
        model.source = "<predicted>"
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = model
    return model


# --- the converter's model ---------------------------------------------------------------------
class _Converted:
    """Builds the ``ModelT`` the TFLite converter writes for a μNAS resource graph."""

    def __init__(self, graph):
        self.schema = load_schema()
        self.graph = graph
        self.tensors: List = []
        self.buffers: List = [self.schema.BufferT()]
        self.operators: List = []
        self.codes: List[str] = []
        self.constants: Dict[tuple, int] = {}
        self.merged: Dict[tuple, int] = {}

    # tensors
    def _quantisation(self, channels: int, dimension: int = 0):
        q = self.schema.QuantizationParametersT()
        if channels:
            q.scale = np.zeros(channels, np.float32)
            q.zeroPoint = np.zeros(channels, np.int64)
            q.quantizedDimension = dimension
        return q

    def _tensor(self, shape, dtype: str, channels: int, dimension: int = 0, data=None) -> int:
        s = self.schema
        t = s.TensorT()
        t.shape = np.array(shape, np.int32)
        t.type = getattr(s.TensorType, dtype)
        t.quantization = self._quantisation(channels, dimension)
        t.hasRank = True
        buffer = s.BufferT()
        if data is not None:
            buffer.data = np.frombuffer(np.ascontiguousarray(data).tobytes(), np.uint8).copy()
        self.buffers.append(buffer)
        t.buffer = len(self.buffers) - 1
        self.tensors.append(t)
        return len(self.tensors) - 1

    def activation(self, shape) -> int:
        return self._tensor(shape, "INT8", 1)

    def weights(self, shape, channels: int, dimension: int = 0) -> int:
        return self._tensor(shape, "INT8", channels, dimension,
                            np.zeros(int(np.prod(shape)), np.int8))

    def bias(self, channels: int) -> int:
        return self._tensor([channels], "INT32", channels, 0, np.zeros(channels, np.int32))

    def int32_constant(self, values) -> int:
        values = np.asarray(values, np.int32)
        key = (values.shape, tuple(values.reshape(-1)))
        if key not in self.constants:
            self.constants[key] = self._tensor(list(values.shape), "INT32", 0, data=values)
        return self.constants[key]

    # operators
    def operator(self, name: str, inputs, out_shape, options_type: str = "NONE", options=None):
        """Appends an operator and returns its output tensor; an operator equal to one already
        there (same code, inputs and options) is not repeated: the converter merges them."""
        s = self.schema
        key = (name, tuple(inputs), tuple(out_shape), options_type,
               tuple(sorted(vars(options).items())) if options is not None else ())
        if key in self.merged:
            return self.merged[key]
        outputs = [self.activation(out_shape)]
        self.merged[key] = outputs[0]
        if name not in self.codes:
            self.codes.append(name)
        op = s.OperatorT()
        op.opcodeIndex = self.codes.index(name)
        op.inputs = np.array(inputs, np.int32)
        op.outputs = np.array(outputs, np.int32)
        op.builtinOptionsType = getattr(s.BuiltinOptions, options_type)
        op.builtinOptions = options
        self.operators.append(op)
        return outputs[0]

    def _activation_code(self, op) -> int:
        activation = getattr(op, "activation", None)
        if activation is None:
            return self.schema.ActivationFunctionType.NONE
        if activation == "relu":
            return self.schema.ActivationFunctionType.RELU
        raise UnpredictableGraphError(f"{type(op).__name__} {op.name!r}: activation {activation!r} "
                                      "is not modelled in the converted .tflite (relu or none)")

    def _padding(self, op) -> int:
        return self.schema.Padding.VALID if op.padding == "valid" else self.schema.Padding.SAME

    def _check_bias(self, op) -> None:
        if not op.use_bias:
            raise UnpredictableGraphError(f"{type(op).__name__} {op.name!r}: use_bias=False is not "
                                          "modelled in the converted .tflite")

    def model(self):
        from .ops import Add, Conv2D, Dense, DWConv2D, Pool

        s, graph = self.schema, self.graph
        if len(graph.inputs) != 1 or len(graph.outputs) != 1:
            raise UnpredictableGraphError(f"{len(graph.inputs)} inputs and {len(graph.outputs)} "
                                          "outputs: the exported model has one of each")
        source = graph.inputs[0]
        if source.shape[0] != 1:
            raise UnpredictableGraphError(f"input {source.name!r} has batch size {source.shape[0]};"
                                          " the export converts at batch 1")
        made = {source.name: self.activation(source.shape)}
        for op in graph.operators:
            xs = [made[t.name] for t in op.inputs]
            out_shape = list(op.output.shape)
            if isinstance(op, Conv2D):
                self._check_bias(op)
                (kh, kw), (sh, sw) = op._k, op._s
                options = s.Conv2DOptionsT()
                options.padding, options.strideH, options.strideW = self._padding(op), sh, sw
                options.dilationHFactor = options.dilationWFactor = 1
                options.fusedActivationFunction = self._activation_code(op)
                cin, cout = op.inputs[0].shape[-1], op.output.shape[-1]
                y = self.operator("CONV_2D", [xs[0], self.weights([cout, kh, kw, cin], cout),
                                              self.bias(cout)],
                                  out_shape, "Conv2DOptions", options)
            elif isinstance(op, DWConv2D):
                self._check_bias(op)
                (kh, kw), (sh, sw) = op._k, op._s
                options = s.DepthwiseConv2DOptionsT()
                options.padding, options.strideH, options.strideW = self._padding(op), sh, sw
                options.depthMultiplier = 1
                options.dilationHFactor = options.dilationWFactor = 1
                options.fusedActivationFunction = self._activation_code(op)
                c = op.output.shape[-1]
                y = self.operator("DEPTHWISE_CONV_2D", [xs[0], self.weights([1, kh, kw, c], c, 3),
                                                        self.bias(c)],
                                  out_shape, "DepthwiseConv2DOptions", options)
            elif isinstance(op, Pool):
                (ph, pw) = op.pool_size
                options = s.Pool2DOptionsT()
                options.padding = s.Padding.SAME
                options.strideH, options.strideW = ph, pw
                options.filterHeight, options.filterWidth = ph, pw
                name = "MAX_POOL_2D" if op.type == "max" else "AVERAGE_POOL_2D"
                y = self.operator(name, [xs[0]], out_shape, "Pool2DOptions",
                                  options)
            elif isinstance(op, Add):
                y = self._add(op, xs, out_shape)
            elif isinstance(op, Dense):
                y = self._dense(op, xs[0])
            else:
                raise UnpredictableGraphError(f"operator {op.name!r} ({type(op).__name__}) has no "
                                              "model of its converted .tflite form")
            made[op.output.name] = y
        output = made[graph.outputs[0].name]
        return self._finish(made[source.name], output)

    def _add(self, op, xs, out_shape):
        s = self.schema
        _, h, w, c = out_shape
        padded = []
        for x, t in zip(xs, op.inputs):
            _, th, tw, _ = t.shape
            if (th, tw) != (h, w):
                paddings = self.int32_constant([[0, 0], [0, h - th], [0, w - tw], [0, 0]])
                x = self.operator("PAD", [x, paddings], out_shape, "PadOptions",
                                  s.PadOptionsT())
            padded.append(x)
        y = padded[0]
        for x in padded[1:]:
            if h == 1 and w == 1 and c > 1:
                x = self.operator("RESHAPE", [x, self.int32_constant([c])],
                                  [c])
            options = s.AddOptionsT()
            y = self.operator("ADD", [y, x], out_shape, "AddOptions", options)
        return y

    def _dense(self, op, x):
        s = self.schema
        self._check_bias(op)
        shape = list(op.inputs[0].shape)
        if len(shape) > 2:
            if not op.preflatten_input:
                raise UnpredictableGraphError(f"Dense {op.name!r} on a rank-{len(shape)} input "
                                              "without flattening is not modelled")
            features = int(np.prod(shape[1:]))
            if len(shape) != 4 or shape[1] != 1 or shape[2] != 1:
                x = self.operator("RESHAPE", [x, self.int32_constant([1, features])],
                                  [1, features])
        else:
            features = shape[-1]
        units = op.output.shape[-1]
        options = s.FullyConnectedOptionsT()
        options.fusedActivationFunction = self._activation_code(op)
        return self.operator("FULLY_CONNECTED", [x, self.weights([units, features], units),
                                                 self.bias(units)],
                             [1, units], "FullyConnectedOptions", options)

    def _finish(self, source: int, output: int):
        s = self.schema
        codes = []
        for name in self.codes:
            code = s.OperatorCodeT()
            builtin = getattr(s.BuiltinOperator, name)
            code.builtinCode, code.deprecatedBuiltinCode = builtin, min(builtin, 127)
            code.version = OPERATOR_VERSIONS[name]
            codes.append(code)
        subgraph = s.SubGraphT()
        subgraph.tensors, subgraph.operators = self.tensors, self.operators
        subgraph.inputs, subgraph.outputs = np.array([source], np.int32), np.array([output],
                                                                                   np.int32)
        subgraph.name = "main"
        model = s.ModelT()
        model.version, model.description = SCHEMA_VERSION, DESCRIPTION
        model.operatorCodes, model.subgraphs = codes, [subgraph]
        model.buffers = self.buffers
        model.metadata = []
        for name, size, head in (("min_runtime_version", MIN_RUNTIME_VERSION_BYTES,
                                  MIN_RUNTIME_VERSION),
                                 ("CONVERSION_METADATA", CONVERSION_METADATA_BYTES, b"")):
            buffer = s.BufferT()
            buffer.data = np.frombuffer(head.ljust(size, b"\0"), np.uint8).copy()
            model.buffers.append(buffer)
            meta = s.MetadataT()
            meta.name, meta.buffer = name, len(model.buffers) - 1
            model.metadata.append(meta)
        signature = s.SignatureDefT()
        signature.signatureKey, signature.subgraphIndex = "serving_default", 0
        signature.inputs, signature.outputs = [s.TensorMapT()], [s.TensorMapT()]
        signature.inputs[0].name, signature.inputs[0].tensorIndex = "input", source
        signature.outputs[0].name, signature.outputs[0].tensorIndex = "output_0", output
        model.signatureDefs = [signature]
        return model
