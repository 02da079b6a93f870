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


class UnmodelledKernelError(ResourceModelError):
    """An operator whose TFLM kernel allocations are not modelled for a target / kernel set."""


@dataclass
class KernelCost:
    params: Optional[Tuple[int, int]]      # (size, alignment) of its builtin parameters, or None
    init: Optional[int]                    # sizeof(OpData) allocated in Init, or None
    persistent: List[int] = field(default_factory=list)   # Prepare's persistent buffers
    scratch: List[int] = field(default_factory=list)      # Prepare's scratch requests (head)


def _tensor(model, op, position, outputs=False):
    index = (op.outputs if outputs else op.inputs)[position] \
        if position < len(op.outputs if outputs else op.inputs) else -1
    return None if index < 0 else model.tensors[index]


def _int4_scratch(filter_tensor) -> List[int]:
    return [filter_tensor.elements] if filter_tensor.dtype == "INT4" else []


def reference_prepare(model, op) -> Tuple[List[int], List[int]]:
    """(persistent buffers, scratch requests) of the reference kernel's Prepare."""
    name = op.name
    inp = _tensor(model, op, 0)
    if name in ("CONV_2D", "DEPTHWISE_CONV_2D"):
        weights = _tensor(model, op, 1)
        channels = weights.shape[0] if name == "CONV_2D" else weights.shape[3]
        return [4 * channels, 4 * channels], _int4_scratch(weights)
    if name == "FULLY_CONNECTED":
        weights = _tensor(model, op, 1)
        per_channel = weights.quant_channels > 1 and inp.dtype != "FLOAT32"
        persistent = [4 * weights.quant_channels] * 2 if per_channel else []
        return persistent, _int4_scratch(weights)
    if name in ("MEAN", "SUM", "REDUCE_MAX", "REDUCE_MIN"):
        axis, out = _tensor(model, op, 1), _tensor(model, op, 0, outputs=True)
        rank_and_axes = [4 * len(inp.shape), 4 * axis.elements]
        if name in ("MEAN", "SUM") and inp.dtype in ("INT8", "INT16"):
            return [], [4 * out.elements] + rank_and_axes
        return [], rank_and_axes
    if name == "SOFTMAX":
        return ([INT16_LUT_BYTES, INT16_LUT_BYTES] if inp.dtype == "INT16" else []), []
    if name == "TRANSPOSE_CONV":
        weights, data = _tensor(model, op, 1), _tensor(model, op, 2)
        bias, out = _tensor(model, op, 3), _tensor(model, op, 0, outputs=True)
        scratch = []
        if data.dtype == "INT16" and bias is not None and bias.dtype == "INT16":
            scratch.append(8 * bias.elements)           # CalculateOpData: 64-bit biases
        if data.dtype == "INT8":
            scratch.append(4 * out.elements)
        elif data.dtype == "INT16":
            scratch.append(8 * out.elements)
        return [4 * weights.shape[0]] * 2, scratch
    if name == "SVDF":
        weights_feature, out = _tensor(model, op, 1), _tensor(model, op, 0, outputs=True)
        batch, filters = inp.shape[0], weights_feature.shape[0]
        units = out.shape[-1]
        if inp.dtype == "INT8":
            return [], [4 * batch * filters, 4 * batch * units]
        return [], [4 * batch * filters]
    if name == "UNIDIRECTIONAL_SEQUENCE_LSTM":
        hidden, cell = _tensor(model, op, 18), _tensor(model, op, 19)
        from .tflite import ELEMENT_BYTES
        return [], [hidden.elements * ELEMENT_BYTES[cell.dtype]] * 4
    return [], []


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
        from .tflm_cmsis_nn import cmsis_nn_prepare
        persistent, scratch = cmsis_nn_prepare(model, op, target)
    else:
        persistent, scratch = reference_prepare(model, op)
    return KernelCost(params, init, persistent, scratch)
