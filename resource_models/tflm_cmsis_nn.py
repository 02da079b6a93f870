"""TFLM's CMSIS-NN kernels on a Cortex-M4 (DSP extension, no MVE, GCC): their Prepare as event
lists, like :func:`resource_models.tflm_kernels.reference_events`.

Read from tensorflow/lite/micro/kernels/cmsis_nn/*.cc and CMSIS-NN's ``*_get_buffer_size*``
functions at the commit TFLM pins (``4ab83cc3cc98fb85ed6dafb55e8ca02f1628dcae``), taking the
``ARM_MATH_DSP`` branches (``__ARM_FEATURE_DSP`` on a Cortex-M4), GCC's (the ARM-compiler-only
1x1 buffer is 0) and ``KERNELS_OPTIMIZED_FOR_SPEED`` (as mcu/tflm.mk builds it). Operators
CMSIS-NN does not replace keep the reference kernel's events. Only int8 activations are modelled
for the replaced depthwise convolution, pooling, FULLY_CONNECTED and SOFTMAX kernels (CONV_2D and
TRANSPOSE_CONV also int16, SVDF and UNIDIRECTIONAL_SEQUENCE_LSTM every type their kernels take);
anything else is refused.
"""
from __future__ import annotations

from typing import List

from .tflm_kernels import (Event, UnmodelledKernelError, _inputs, _temps, _tensor,
                           reference_events)

# arm_nnsupportfunctions.h: input channels above which a transposed convolution of stride <= 2 runs
# as a convolution
REVERSE_TCOL_EFFICIENT_THRESHOLD = 16

REPLACED = frozenset({"CONV_2D", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED", "AVERAGE_POOL_2D",
                      "MAX_POOL_2D", "ADD", "MUL", "SOFTMAX", "PAD", "TRANSPOSE_CONV", "SVDF",
                      "UNIDIRECTIONAL_SEQUENCE_LSTM"})
# Same Prepare events as the reference kernel (OpData apart). SVDF: cmsis_nn/svdf.cc asks for the
# reference's scratch buffers; its kernel-sums buffer (arm_svdf_s8_get_buffer_size) is 0 without
# MVE.
SAME_AS_REFERENCE = frozenset({"MAX_POOL_2D", "ADD", "MUL", "PAD", "SVDF"})


def _padding(size: int, kernel: int, stride: int, dilation: int, out: int) -> int:
    """TFLM's ComputePaddingWithOffset: half the total padding, rounded down."""
    effective = (kernel - 1) * dilation + 1
    return max((out - 1) * stride + effective - size, 0) // 2


def _geometry(model, op):
    inp, weights = _tensor(model, op, 0), _tensor(model, op, 1)
    out = _tensor(model, op, 0, outputs=True)
    (sh, sw), (dh, dw) = op.options["stride"], op.options["dilation"]
    kh, kw = weights.shape[1], weights.shape[2]
    pad_h = _padding(inp.shape[1], kh, sh, dh, out.shape[1])
    pad_w = _padding(inp.shape[2], kw, sw, dw, out.shape[2])
    return inp, weights, out, (kh, kw), (sh, sw), (dh, dw), (pad_h, pad_w)


def convolve_s8_buffer(model, op) -> int:
    """arm_convolve_wrapper_s8_get_buffer_size_dsp."""
    inp, weights, _, (kh, kw), (sh, sw), (dh, dw), (ph, pw) = _geometry(model, op)
    in_c, filter_c = inp.shape[3], weights.shape[3]
    if ph == 0 and pw == 0 and kh == 1 and kw == 1 and dh == 1 and dw == 1 and in_c == filter_c:
        return 0                      # 1x1: arm_convolve_1x1_s8_fast (0 unless the ARM compiler)
    return convolve_s8_get_buffer_size(kh, kw, in_c)   # 1xN and the general case


def convolve_s8_get_buffer_size(kernel_h: int, kernel_w: int, in_c: int) -> int:
    """arm_convolve_s8_get_buffer_size (DSP): two im2col columns of int16, 4-aligned."""
    columns = kernel_w * kernel_h * in_c
    return 2 * (columns + (4 - columns % 4) % 4) * 2


def transpose_conv_s8_buffers(model, op) -> tuple:
    """(arm_transpose_conv_s8_get_buffer_size, arm_transpose_conv_s8_get_reverse_conv_buffer_size)
    without MVE: a stride of at most 2 over more than 16 input channels runs as a convolution over
    the upsampled input (an im2col buffer and a reversed copy of the filter); otherwise an int32
    column buffer and no reversed filter."""
    data, weights = _tensor(model, op, 2), _tensor(model, op, 1)
    out = _tensor(model, op, 0, outputs=True)
    sh, sw = op.options["stride"]
    out_c, kh, kw, in_c = weights.shape
    if sw <= 2 and sh <= 2 and data.shape[3] > REVERSE_TCOL_EFFICIENT_THRESHOLD:
        return convolve_s8_get_buffer_size(kh, kw, in_c), in_c * kw * kh * out_c
    columns = ((data.shape[2] - 1) * sw + max(kw, sh)) * out.shape[3]
    return columns * max(kh, sh) * 4, 0


def convolve_s16_buffer(model, op) -> int:
    """arm_convolve_wrapper_s16_get_buffer_size (DSP): two im2col columns of int16."""
    inp, weights = _tensor(model, op, 0), _tensor(model, op, 1)
    return 2 * inp.shape[3] * weights.shape[2] * weights.shape[1] * 2


def _conv_events(model, op, buffer: int) -> List[Event]:
    """cmsis_nn/conv.cc's Prepare (its bias temporary reads an output slot that does not exist:
    none allocated); the buffer is asked for only when not empty."""
    weights = _tensor(model, op, 1)
    return (_inputs(op, 0, 1) + _temps(op) + [("P", 4 * weights.shape[0])] * 2
            + _temps(op, 0, 1, 2) + ([("S", buffer)] if buffer > 0 else []))


def depthwise_s8_buffer(model, op) -> int:
    """arm_depthwise_conv_wrapper_s8_get_buffer_size_dsp."""
    inp, _, out, (kh, kw), _, (dh, dw), (ph, pw) = _geometry(model, op)
    if inp.shape[3] == out.shape[3] and inp.shape[0] == 1 and dh == 1 and dw == 1:
        if kh == 3 and kw == 3 and ph <= 1 and pw <= 1:
            return 0                  # arm_depthwise_conv_3x3_s8
        return inp.shape[3] * kw * kh * 2
    return 0


def cmsis_nn_events(model, op, target) -> List[Event]:
    name = op.name
    if name not in REPLACED or name in SAME_AS_REFERENCE:
        return reference_events(model, op)
    if name == "TRANSPOSE_CONV":      # cmsis_nn/transpose_conv.cc
        return _transpose_conv_events(model, op)
    if name == "UNIDIRECTIONAL_SEQUENCE_LSTM":     # cmsis_nn/unidirectional_sequence_lstm.cc
        return _lstm_events(model, op)
    inp = _tensor(model, op, 0)
    if name == "CONV_2D" and inp.dtype == "INT16":     # cmsis_nn/conv.cc, 16x8: its buffer only
        bias = _tensor(model, op, 2)                  # with 64-bit or no biases
        buffer = (convolve_s16_buffer(model, op) if bias is None or bias.dtype == "INT64"
                  else 0)
        return _conv_events(model, op, buffer)
    if inp.dtype != "INT8":
        raise UnmodelledKernelError(
            f"{model.source}: operator {op.index} is {name} with {inp.dtype} input, whose "
            "CMSIS-NN kernel is not modelled (int8 DEPTHWISE_CONV_2D, FULLY_CONNECTED, pools, "
            "SOFTMAX; int8/int16 CONV_2D and TRANSPOSE_CONV; ADD, MUL, PAD, SVDF, LSTM are)")
    if name == "CONV_2D":             # cmsis_nn/conv.cc
        return _conv_events(model, op, convolve_s8_buffer(model, op))
    if name == "DEPTHWISE_CONV_2D":   # cmsis_nn/depthwise_conv.cc
        weights = _tensor(model, op, 1)
        buffer = depthwise_s8_buffer(model, op)
        return (_inputs(op, 0, 1) + _temps(op) + [("P", 4 * weights.shape[3])] * 2
                + _temps(op, 0, 1, 2) + ([("S", buffer)] if buffer > 0 else []))
    if name == "FULLY_CONNECTED":     # cmsis_nn/fully_connected.cc
        weights, out = _tensor(model, op, 1), _tensor(model, op, 0, outputs=True)
        per_channel = weights.quant_channels > 1
        events = _temps(op, 0, 1, 2) + ([("P", 4 * weights.quant_channels)] * 2
                                        if per_channel else [])
        accum_depth = weights.shape[-1]
        if len(out.shape) > 2 and accum_depth % 4 == 0 and not per_channel:
            events.append(("S", out.shape[-1] * 4 * 2))    # fake per-channel parameters for 1x1
        return events                 # arm_fully_connected_s8_get_buffer_size_dsp is 0
    if name == "AVERAGE_POOL_2D":     # cmsis_nn/pooling.cc: PoolingPrepare, then its buffer
        return _temps(op, 0) + _temps(op, 0) + [("S", _tensor(model, op, 0).shape[3] * 4)]
    if name == "SOFTMAX":             # cmsis_nn/softmax.cc
        return _temps(op, 0)
    raise AssertionError(name)


def _transpose_conv_events(model, op) -> List[Event]:
    """Like the reference kernel's, but int8 asks for CMSIS-NN's two buffers (both requested,
    even of 0 bytes) instead of an int32 accumulator of the output's size."""
    data = _tensor(model, op, 2)
    if data.dtype != "INT8":
        return reference_events(model, op)           # int16: the same int64 scratch buffer
    weights = _tensor(model, op, 1)
    buffer, reverse = transpose_conv_s8_buffers(model, op)
    return (_temps(op) + _inputs(op, 2, 1) + [("P", 4 * weights.shape[0])] * 2
            + [("S", buffer), ("S", reverse)] + _temps(op, 2, 1, 3))


def _lstm_events(model, op) -> List[Event]:
    """The reference kernel's 24 input temporaries and output; with an int16 cell state, eight
    persistent kernel sums of the hidden size (int32 for int8 activations, int64 for int16) while
    they live, and three scratch buffers instead of four."""
    from .tflite import ELEMENT_BYTES

    inp, hidden, cell = _tensor(model, op, 0), _tensor(model, op, 18), _tensor(model, op, 19)
    temps = _temps(op, *range(24))
    scratch = ("S", hidden.elements * ELEMENT_BYTES[cell.dtype])
    if cell.dtype == "INT16" and inp.dtype in ("INT8", "INT16"):
        state = hidden.shape[-1]
        sums = ("P", state * (4 if inp.dtype == "INT8" else 8))
        return temps + [sums] * 8 + [scratch] * 3
    return temps + [scratch] * 4
