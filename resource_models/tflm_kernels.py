"""What each TFLM kernel allocates for one operator: parameters, OpData, persistent buffers and
scratch requests, read from the kernels' Init and Prepare (tensorflow/lite/micro/kernels/*.cc for
the reference kernels, kernels/cmsis_nn/*.cc for CMSIS-NN's) and flatbuffer_conversions.cc.

An operator that is not listed here has no model: :func:`kernel_cost` refuses it with one line
rather than guess.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from .errors import ResourceModelError

INT16_LUT_BYTES = 2 * 513             # sizeof(int16_t) * LUTSize<int16_t>()
Event = Tuple[str, int]               # ("T", tensor index) | ("P", bytes) | ("S", bytes)


class UnmodelledKernelError(ResourceModelError):
    """An operator whose TFLM kernel allocations are not modelled for a target / kernel set."""


@dataclass
class KernelCost:
    params: Optional[Tuple[int, int]]      # (size, alignment) of its builtin parameters, or None
    init: Optional[int]                    # sizeof(OpData) allocated in Init, or None
    events: List["Event"] = field(default_factory=list)   # Prepare, in call order

    @property
    def persistent(self) -> List[int]:
        return [size for kind, size in self.events if kind == "P"]

    @property
    def scratch(self) -> List[int]:
        return [size for kind, size in self.events if kind == "S"]


def _tensor(model, op, position, outputs=False):
    index = (op.outputs if outputs else op.inputs)[position] \
        if position < len(op.outputs if outputs else op.inputs) else -1
    return None if index < 0 else model.tensors[index]


def _int4_scratch(filter_tensor) -> List[Event]:
    return [("S", filter_tensor.elements)] if filter_tensor.dtype == "INT4" else []


def _temps(op, *positions, outputs=(0,)) -> List[Event]:
    """Temporary TfLiteTensors a Prepare allocates: inputs at ``positions`` (absent optional
    inputs, index -1, allocate nothing), then the outputs."""
    events = [("T", op.inputs[i]) for i in positions if i < len(op.inputs) and op.inputs[i] >= 0]
    return events + [("T", op.outputs[j]) for j in outputs]


def _inputs(op, *positions) -> List[Event]:
    return _temps(op, *positions, outputs=())


def reference_events(model, op) -> List[Event]:
    """The reference kernel's Prepare, in call order: temporary tensors ("T", tensor index),
    persistent buffers ("P", bytes) and scratch requests ("S", bytes)."""
    name = op.name
    inp = _tensor(model, op, 0)
    out = lambda: [("T", op.outputs[0])]                                    # noqa: E731
    if name in ("CONV_2D", "DEPTHWISE_CONV_2D"):       # conv_common.cc, depthwise_conv_common.cc
        weights = _tensor(model, op, 1)
        channels = weights.shape[0] if name == "CONV_2D" else weights.shape[3]
        return (out() + _inputs(op, 0, 1) + [("P", 4 * channels)] * 2 + _int4_scratch(weights)
                + _temps(op, 0, 1, 2))                 # CalculateOpData*: its own temporaries
    if name == "FULLY_CONNECTED":
        weights = _tensor(model, op, 1)
        per_channel = weights.quant_channels > 1 and inp.dtype != "FLOAT32"
        return (_temps(op, 0, 1, 2) + _int4_scratch(weights)
                + ([("P", 4 * weights.quant_channels)] * 2 if per_channel else []))
    if name in ("MEAN", "SUM", "REDUCE_MAX", "REDUCE_MIN"):              # reduce_common.cc
        axis, output = _tensor(model, op, 1), _tensor(model, op, 0, outputs=True)
        simple = _inputs(op, 0, 1) + (out() if inp.dtype == "INT8" else [])   # PrepareSimple
        rank_and_axes = [("S", 4 * len(inp.shape)), ("S", 4 * axis.elements)]
        if name in ("MEAN", "SUM"):
            accumulate = [("S", 4 * output.elements)] if inp.dtype in ("INT8", "INT16") else []
            return _inputs(op, 0) + out() + _inputs(op, 1) + accumulate + rank_and_axes + simple
        return simple + _inputs(op, 0) + out() + _inputs(op, 1) + rank_and_axes
    if name == "SOFTMAX":
        luts = [("P", INT16_LUT_BYTES)] * 2 if inp.dtype == "INT16" else []
        return _temps(op, 0) + luts
    if name == "CONCATENATION":
        return _temps(op, 0) + _inputs(op, *range(len(op.inputs)))
    if name == "TANH":
        return _inputs(op, 0) + _temps(op, 0)
    if name in ("ADD", "SUB", "MUL"):
        return _temps(op, 0, 1)
    if name in ("PAD", "PADV2"):
        return _temps(op, 0, 1, 2)
    if name == "STRIDED_SLICE":
        return _temps(op, 0, 1, 2, 3)
    if name == "TRANSPOSE_CONV":                                       # transpose_conv.cc
        weights, data = _tensor(model, op, 1), _tensor(model, op, 2)
        bias, output = _tensor(model, op, 3), _tensor(model, op, 0, outputs=True)
        events = out() + _inputs(op, 2, 1) + [("P", 4 * weights.shape[0])] * 2
        if data.dtype == "INT8":
            events.append(("S", 4 * output.elements))
        elif data.dtype == "INT16":
            events.append(("S", 8 * output.elements))
        events += _temps(op, 2, 1, 3)                                  # CalculateOpData
        if data.dtype == "INT16" and bias is not None and bias.dtype == "INT16":
            events.append(("S", 8 * bias.elements))                    # 64-bit biases
        return events
    if name == "SVDF":                                                 # svdf_common.cc
        weights_feature, output = _tensor(model, op, 1), _tensor(model, op, 0, outputs=True)
        batch, filters, units = inp.shape[0], weights_feature.shape[0], output.shape[-1]
        events = _temps(op, 0, 1, 2, 3, 4)
        if inp.dtype == "INT8":
            return events + [("S", 4 * batch * filters), ("S", 4 * batch * units)]
        return events + [("S", 4 * batch * filters)]
    if name == "UNIDIRECTIONAL_SEQUENCE_LSTM":              # LstmTensors: all 24 inputs
        hidden, cell = _tensor(model, op, 18), _tensor(model, op, 19)
        from .tflite import ELEMENT_BYTES
        return _temps(op, *range(24)) + [("S", hidden.elements * ELEMENT_BYTES[cell.dtype])] * 4
    if name in MODELLED:                                   # pools, RESHAPE, activations, QUANTIZE
        return _temps(op, 0)
    return []


def reference_prepare(model, op) -> Tuple[List[int], List[int]]:
    """(persistent buffers, scratch requests) of the reference kernel's Prepare."""
    events = reference_events(model, op)
    return [b for k, b in events if k == "P"], [b for k, b in events if k == "S"]


# Operators whose reference kernel allocates an OpData in Init (kernel_data names them) and
# nothing in Prepare beyond what _reference gives; RESHAPE has no Init.
MODELLED = frozenset("""
    CONV_2D DEPTHWISE_CONV_2D FULLY_CONNECTED AVERAGE_POOL_2D MAX_POOL_2D ADD SUB MUL RESHAPE
    SOFTMAX MEAN SUM REDUCE_MAX REDUCE_MIN CONCATENATION PAD STRIDED_SLICE LEAKY_RELU QUANTIZE
    DEQUANTIZE LOGISTIC TANH TRANSPOSE_CONV SVDF UNIDIRECTIONAL_SEQUENCE_LSTM RELU RELU6
""".split())
NO_INIT = frozenset({"RESHAPE"})


def kernel_cost(model, op, target, kernels: str) -> KernelCost:
    if op.name not in MODELLED:
        raise UnmodelledKernelError(
            f"{model.source}: operator {op.index} is {op.name}, whose TFLM kernel allocations "
            "(arena tail) are not modelled")
    table = target.kernel_data.get(kernels)
    if table is None:
        raise UnmodelledKernelError(f"{model.source}: the {kernels} kernels are not modelled "
                                    f"for {target.name}")
    if op.name not in NO_INIT and op.name not in table:
        raise UnmodelledKernelError(
            f"{model.source}: operator {op.index} is {op.name}, whose {kernels} kernel on "
            f"{target.name} is not modelled")
    params = target.builtin_params.get(op.name)
    init = None if op.name in NO_INIT else table[op.name]
    if kernels == "cmsis-nn":
        from .tflm_cmsis_nn import cmsis_nn_events
        events = cmsis_nn_events(model, op, target)
    else:
        events = reference_events(model, op)
    return KernelCost(params, init, events)
