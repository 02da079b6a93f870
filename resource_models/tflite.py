"""Peak memory of any ``.tflite`` model as TensorFlow Lite Micro lays it out, and its best order.

    python -m resource_models.tflite MODEL.tflite [--optimize OUT.tflite] [--json]

A model is read with the flatbuffers schema that ``tflite-micro`` ships (no TensorFlow) into a
graph of its operators and tensors. For the stored operator order, or any other valid one, it
gives the theoretical peak (the most bytes of activations and scratch buffers live at once, each
rounded up to 16 bytes as TFLM does; no in-place operators, a RESHAPE copies into its own output)
and the arena head that TFLM's greedy memory planner will actually lay out
(:mod:`resource_models.tflite_planner`). ``--optimize`` writes the model with the operator order
that minimises the real head (:mod:`resource_models.tflite_order`), plus an offline memory plan
where TFLM's planner would still exceed the theoretical peak.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Sequence

import numpy as np

from .errors import ResourceModelError
from .tflite_planner import arena_head, greedy_plan, lifetimes, theoretical_peak
from .tflite_schema import builtin_operator_names, load_schema, tensor_type_names
from .tflm_kernels import reference_prepare
from .tflm_targets import KERNEL_SETS, TARGETS

OFFLINE_PLAN_METADATA = "OfflineMemoryAllocation"

# Bytes per element of the tensor types an activation can have (TfLiteTypeGetSize).
ELEMENT_BYTES = {"FLOAT32": 4, "FLOAT16": 2, "BFLOAT16": 2, "FLOAT64": 8, "INT8": 1, "UINT8": 1,
                 "INT16": 2, "UINT16": 2, "INT32": 4, "UINT32": 4, "INT64": 8, "UINT64": 8,
                 "BOOL": 1, "COMPLEX64": 8, "COMPLEX128": 16}

# Operators whose TFLM reference kernels request no scratch buffer: their memory is their tensors.
PLAIN_OPERATORS = frozenset("""
    ADD SUB MUL DIV SQUARED_DIFFERENCE MAXIMUM MINIMUM AVERAGE_POOL_2D MAX_POOL_2D L2_POOL_2D
    RESHAPE SQUEEZE EXPAND_DIMS PAD PADV2 SOFTMAX LOG_SOFTMAX LOGISTIC TANH RELU RELU6 RELU_N1_TO_1
    LEAKY_RELU PRELU HARD_SWISH ELU QUANTIZE DEQUANTIZE CONCATENATION TRANSPOSE STRIDED_SLICE SLICE
    SPLIT SPLIT_V PACK UNPACK GATHER BATCH_TO_SPACE_ND SPACE_TO_BATCH_ND SPACE_TO_DEPTH
    DEPTH_TO_SPACE RESIZE_NEAREST_NEIGHBOR RESIZE_BILINEAR ABS NEG SQRT RSQRT SQUARE EXP LOG SIN COS
    FLOOR CEIL ROUND ARG_MAX ARG_MIN L2_NORMALIZATION SHAPE CAST FILL ZEROS_LIKE BROADCAST_TO
""".split())
# Operators whose scratch buffers are modelled in SCRATCH_RULES (int8/float filters need none).
CONV_LIKE = frozenset({"CONV_2D", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED"})
REDUCE_ACCUMULATING = frozenset({"MEAN", "SUM"})
REDUCE_PLAIN = frozenset({"REDUCE_MAX", "REDUCE_MIN"})
# Operators with scratch buffers and variable tensors of their own (tflm_kernels models them).
SEQUENCE_AND_TRANSPOSED = frozenset({"TRANSPOSE_CONV", "SVDF", "UNIDIRECTIONAL_SEQUENCE_LSTM"})
KNOWN_OPERATORS = (PLAIN_OPERATORS | CONV_LIKE | REDUCE_ACCUMULATING | REDUCE_PLAIN
                   | SEQUENCE_AND_TRANSPOSED)


class TfliteModelError(ResourceModelError):
    """A .tflite file that cannot be read or uses something this model of TFLM does not know."""


@dataclass
class TfliteTensor:
    name: str
    shape: tuple
    dtype: str
    constant: bool            # its data is in the flatbuffer (weights, biases, axis lists)
    variable: bool = False
    quant_channels: int = 0   # scales of its affine quantisation (0: not quantised)

    @property
    def elements(self) -> int:
        return math.prod(self.shape)          # Python ints: called for every buffer of every order

    @property
    def nbytes(self) -> int:
        if self.constant:
            return 0
        return self.elements * ELEMENT_BYTES[self.dtype]

    @property
    def needs_allocating(self) -> bool:
        """TFLM plans arena memory for non-constant, non-variable tensors of non-zero size."""
        return not self.constant and not self.variable and self.nbytes != 0


@dataclass
class TfliteOperator:
    index: int                # position in the stored order
    name: str                 # builtin operator name, e.g. CONV_2D
    inputs: List[int]
    outputs: List[int]
    scratch_bytes: List[int] = field(default_factory=list)   # requested by its TFLM kernel
    options: dict = field(default_factory=dict)   # convolution geometry (padding, strides, dilation)


@dataclass
class MemoryFigures:
    theoretical_peak_bytes: int
    arena_head_bytes: int


@dataclass
class TfliteModel:
    """One subgraph of a .tflite model, as TFLM plans its memory."""
    source: str
    data: bytes
    tensors: List[TfliteTensor]
    operators: List[TfliteOperator]
    inputs: List[int]
    outputs: List[int]
    offline_offsets: Optional[List[int]] = None   # an OfflineMemoryAllocation plan in the model

    @property
    def stored_order(self) -> List[int]:
        return list(range(len(self.operators)))

    def producers(self) -> dict:
        """tensor index -> index of the operator that writes it."""
        return {t: op.index for op in self.operators for t in op.outputs}

    def predecessors(self) -> List[set]:
        """For each operator, the operators whose outputs it reads."""
        made_by = self.producers()
        return [{made_by[t] for t in op.inputs if t in made_by} for op in self.operators]

    def check_order(self, order: Sequence[int]) -> List[int]:
        order = [int(i) for i in order]
        if sorted(order) != self.stored_order:
            raise TfliteModelError(f"{self.source}: an operator order must list each of the "
                                   f"{len(self.operators)} operators once, got {order}")
        done, preds = set(), self.predecessors()
        for i in order:
            if not preds[i] <= done:
                raise TfliteModelError(f"{self.source}: order {order} runs operator {i} "
                                       f"({self.operators[i].name}) before its inputs exist")
            done.add(i)
        return order

    def buffers(self, order: Optional[Sequence[int]] = None, offline=None):
        """The buffers TFLM plans under ``order``; ``offline`` defaults to the model's own plan."""
        order = self.stored_order if order is None else order
        return lifetimes(self, order, self.offline_offsets if offline is None else offline)

    def with_scratch(self, scratch: Sequence[List[int]]) -> "TfliteModel":
        """The same model with other kernels' scratch requests (one list per operator)."""
        operators = [TfliteOperator(op.index, op.name, op.inputs, op.outputs, list(sizes),
                                    op.options)
                     for op, sizes in zip(self.operators, scratch)]
        return TfliteModel(self.source, self.data, self.tensors, operators, self.inputs,
                           self.outputs, self.offline_offsets)

    def memory(self, order: Optional[Sequence[int]] = None, offline=None) -> MemoryFigures:
        """Theoretical peak and the arena head TFLM lays out, for ``order`` (default: stored)."""
        buffers = self.buffers(order, offline)
        return MemoryFigures(theoretical_peak(buffers), arena_head(buffers, greedy_plan(buffers)))


def flatbuffer_bytes(model) -> tuple:
    """(name for messages, bytes) of a .tflite file (path) or flatbuffer (bytes); a
    ``TfliteModelError`` when it cannot be read or has no TFLite identifier."""
    if isinstance(model, (bytes, bytearray, memoryview)):
        source, data = "<flatbuffer>", bytes(model)
    else:
        source = str(model)
        try:
            data = Path(model).read_bytes()
        except OSError as e:
            raise TfliteModelError(f"{source}: cannot read ({e.strerror or e})") from None
    if len(data) < 8 or data[4:8] != b"TFL3":
        raise TfliteModelError(f"{source}: not a TFLite flatbuffer (no TFL3 identifier)")
    return source, data


def read_tflite(model) -> TfliteModel:
    """Reads a .tflite file (path) or flatbuffer (bytes) into a :class:`TfliteModel`."""
    source, data = flatbuffer_bytes(model)
    schema = load_schema()
    try:
        return _parse(schema, source, data)
    except TfliteModelError:
        raise
    except Exception as e:  # noqa: BLE001 - a corrupt flatbuffer fails anywhere inside
        raise TfliteModelError(f"{source}: corrupt TFLite flatbuffer ({type(e).__name__}: {e})") \
            from None


def _parse(schema, source: str, data: bytes) -> TfliteModel:
    model = schema.Model.GetRootAs(data, 0)
    with_ops = [i for i in range(model.SubgraphsLength())
                if model.Subgraphs(i).OperatorsLength() > 0]
    if model.SubgraphsLength() != 1:
        raise TfliteModelError(f"{source}: {model.SubgraphsLength()} subgraphs (control flow); "
                               "only single-subgraph models are supported")
    del with_ops
    op_names, type_names = builtin_operator_names(), tensor_type_names()
    graph = model.Subgraphs(0)

    def has_data(buffer_index: int) -> bool:
        if buffer_index <= 0 or buffer_index >= model.BuffersLength():
            return False
        buffer = model.Buffers(buffer_index)
        return buffer.DataLength() > 0 or buffer.Offset() > 1

    tensors = []
    for i in range(graph.TensorsLength()):
        t = graph.Tensors(i)
        dtype = type_names.get(t.Type(), str(t.Type()))
        q = t.Quantization()
        channels = q.ScaleLength() if q is not None and q.ZeroPointLength() > 0 else 0
        tensor = TfliteTensor(name=(t.Name() or b"").decode("utf-8", "replace"),
                              shape=tuple(int(d) for d in t.ShapeAsNumpy()) if t.ShapeLength() else (),
                              dtype=dtype, constant=has_data(t.Buffer()), variable=t.IsVariable(),
                              quant_channels=channels)
        if not tensor.constant and dtype not in ELEMENT_BYTES:
            raise TfliteModelError(f"{source}: tensor {i} ({tensor.name}) has type {dtype}, "
                                   "which this model of TFLM's arena does not size")
        if not tensor.constant and any(d < 0 for d in tensor.shape):
            raise TfliteModelError(f"{source}: tensor {i} ({tensor.name}) has a dynamic shape "
                                   f"{tensor.shape}; TFLM needs static shapes (convert at batch 1)")
        tensors.append(tensor)

    operators = []
    for i in range(graph.OperatorsLength()):
        op = graph.Operators(i)
        code = model.OperatorCodes(op.OpcodeIndex())
        builtin = max(code.BuiltinCode(), code.DeprecatedBuiltinCode())
        name = op_names.get(builtin, f"builtin code {builtin}")
        if name == "CUSTOM":
            name = f"CUSTOM ({(code.CustomCode() or b'').decode('utf-8', 'replace')})"
        if name not in KNOWN_OPERATORS:
            raise TfliteModelError(f"{source}: operator {i} is {name}, which resource_models.tflite "
                                   "does not know (its TFLM scratch buffers are not modelled)")
        inputs = [int(x) for x in op.InputsAsNumpy()] if op.InputsLength() else []
        outputs = [int(x) for x in op.OutputsAsNumpy()] if op.OutputsLength() else []
        operators.append(TfliteOperator(i, name, inputs, outputs,
                                        options=_options(schema, op, name)))

    offline = None
    for m in range(model.MetadataLength()):
        meta = model.Metadata(m)
        if (meta.Name() or b"") == OFFLINE_PLAN_METADATA.encode():
            words = model.Buffers(meta.Buffer()).DataAsNumpy().view("<i4")
            offline = [int(x) for x in words[3:3 + int(words[2])]]
            if len(offline) != len(tensors):
                raise TfliteModelError(f"{source}: its {OFFLINE_PLAN_METADATA} plan has "
                                       f"{len(offline)} offsets for {len(tensors)} tensors")
    inputs = [int(x) for x in graph.InputsAsNumpy()] if graph.InputsLength() else []
    outputs = [int(x) for x in graph.OutputsAsNumpy()] if graph.OutputsLength() else []
    model = TfliteModel(source, data, tensors, operators, inputs, outputs, offline)
    for op in operators:                       # the reference kernels' scratch requests
        op.scratch_bytes = reference_prepare(model, op)[1]
    return model


def _options(schema, op, name: str) -> dict:
    """The builtin options kernels depend on: a (transposed) convolution's geometry (its
    buffers, its instructions), a pool's window, and the fused activation of the operators that
    have one."""
    kind = {"CONV_2D": schema.Conv2DOptions,
            "DEPTHWISE_CONV_2D": schema.DepthwiseConv2DOptions,
            "TRANSPOSE_CONV": schema.TransposeConvOptions,
            "AVERAGE_POOL_2D": schema.Pool2DOptions, "MAX_POOL_2D": schema.Pool2DOptions,
            "FULLY_CONNECTED": schema.FullyConnectedOptions, "ADD": schema.AddOptions}.get(name)
    table = op.BuiltinOptions()
    if kind is None or table is None:
        return {}
    options = kind()
    options.Init(table.Bytes, table.Pos)
    activations = {v: k for k, v in vars(schema.ActivationFunctionType).items()
                   if not k.startswith("_")}
    figures = {}
    if hasattr(options, "FusedActivationFunction"):
        figures["activation"] = activations.get(options.FusedActivationFunction(), "UNKNOWN")
    if name in ("CONV_2D", "DEPTHWISE_CONV_2D", "TRANSPOSE_CONV", "AVERAGE_POOL_2D",
                "MAX_POOL_2D"):
        figures.update(same_padding=options.Padding() == schema.Padding.SAME,
                       stride=(options.StrideH(), options.StrideW()))
    if name in ("CONV_2D", "DEPTHWISE_CONV_2D"):
        figures["dilation"] = (options.DilationHFactor(), options.DilationWFactor())
    elif name == "TRANSPOSE_CONV":                 # no dilation: always 1
        figures["dilation"] = (1, 1)
    elif name in ("AVERAGE_POOL_2D", "MAX_POOL_2D"):
        figures["filter"] = (options.FilterHeight(), options.FilterWidth())
    return figures


# --- command line --------------------------------------------------------------------------------
def analyse(path, optimize_to=None, target: str = "x86-64", kernels: str = "reference") -> dict:
    """The figures the command line prints; with ``optimize_to`` also writes the optimised model.
    ``target`` and ``kernels`` choose the runtime (:mod:`resource_models.tflm_targets`): its
    kernels' scratch buffers enter the head, its struct layout the tail."""
    from .tflite_order import optimise
    from .tflm_arena import arena_figures, kernel_costs

    model = read_tflite(path)
    arena = arena_figures(model, target, kernels)
    if kernels != "reference":
        model = model.with_scratch([cost.scratch for cost in kernel_costs(model, target, kernels)])
    stored = model.memory()
    result = optimise(model)
    figures = {"operators": len(model.operators),
               "target": arena.target,
               "kernels": arena.kernels,
               "arena_head_bytes": stored.arena_head_bytes,
               "arena_tail_bytes": arena.tail_bytes,
               "arena_total_bytes": arena.total_bytes,
               "min_arena_bytes": arena.min_arena_bytes,
               "arena_figures": ("measured on this runtime" if arena.measured_target
                                 else "predicted from TFLM's source (not yet measured on it)"),
               "optimal_arena_head_bytes": result.arena_head_bytes,
               "theoretical_peak_bytes": stored.theoretical_peak_bytes,
               "optimal_theoretical_peak_bytes": result.theoretical_peak_bytes,
               "operator_order": result.order,
               "reordered_arena_head_bytes": result.online_arena_head_bytes,
               "offline_plan": result.offline_plan,
               "order_search": result.search}
    if target == "cortex-m4":
        from .tflm_latency import UnmodelledLatencyError, predicted_instructions
        try:
            figures["predicted_instructions"] = predicted_instructions(model, kernels)
        except UnmodelledLatencyError as e:      # the arena figures stand without it
            figures["predicted_instructions"] = None
            figures["predicted_instructions_refused"] = str(e)
    if optimize_to is not None:
        out = Path(optimize_to)
        tmp = out.with_name(f".{out.name}.tmp{os.getpid()}")
        tmp.write_bytes(result.flatbuffer)
        os.replace(tmp, out)
        figures["optimized_file"] = str(out)
    return figures


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m resource_models.tflite",
                                description="Peak memory of a .tflite model under TensorFlow Lite "
                                            "Micro, for its stored and its optimal operator order.")
    p.add_argument("model", help="a .tflite file")
    p.add_argument("--optimize", metavar="OUT.tflite",
                   help="write the model with the memory-optimal operator order (and an offline "
                        "memory plan where that lowers TFLM's arena head)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--target", choices=sorted(TARGETS), default="x86-64",
                   help="where TFLM runs: the x86-64 tflite-micro wheel (default) or a 32-bit "
                        "Cortex-M4 (struct layout of the arena tail)")
    p.add_argument("--kernels", choices=KERNEL_SETS, default="reference",
                   help="TFLM's reference kernels (default) or CMSIS-NN's (cortex-m4 only)")
    args = p.parse_args(argv)
    try:
        figures = analyse(args.model, args.optimize, args.target, args.kernels)
    except (ResourceModelError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(figures))
        return 0
    print(f"{args.model}: {figures['operators']} operators")
    print(f"  stored order : theoretical peak {figures['theoretical_peak_bytes']:,} B, "
          f"TFLM arena head {figures['arena_head_bytes']:,} B")
    print(f"  {figures['target']}, {figures['kernels']} kernels: tail "
          f"{figures['arena_tail_bytes']:,} B, total {figures['arena_total_bytes']:,} B, smallest "
          f"arena {figures['min_arena_bytes']:,} B ({figures['arena_figures']})")
    plan = " with an offline memory plan" if figures["offline_plan"] else ""
    print(f"  optimal order: theoretical peak {figures['optimal_theoretical_peak_bytes']:,} B, "
          f"TFLM arena head {figures['optimal_arena_head_bytes']:,} B{plan}")
    print(f"  order: {' '.join(map(str, figures['operator_order']))} ({figures['order_search']})")
    if "predicted_instructions" in figures:
        print(f"  instructions per inference (predicted, not cycles): "
              + (f"{figures['predicted_instructions']:,}" if figures["predicted_instructions"]
                 is not None else f"- ({figures['predicted_instructions_refused']})"))
    if args.optimize:
        print(f"  written: {figures['optimized_file']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
