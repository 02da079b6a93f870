"""Instructions per inference of an int8 .tflite on the Cortex-M4 with TFLM, per operator.

Each operator's instructions are a linear function of features of its geometry (output pixels and
elements, MACs over all and over the taps inside the image, im2col bytes, the remainders of
CMSIS-NN's SIMD blocks...), one function per operator type, kernel set and kernel path (the
CMSIS-NN wrappers pick a path from the geometry: a 1x1 convolution, a 3x3 depthwise one...); the
model's instructions are their sum plus the interpreter's per-invoke and per-operator overhead.
The coefficients are fitted on the firmware harness's per-operator measurements
(``python -m mcu.latency_fit``) and read from ``data/tflm_latency.json``; nothing here is typed in.
Instructions, not cycles (QEMU -icount; see :mod:`mcu.qemu`).

Works from a :class:`~resource_models.tflite.TfliteModel`'s operators, tensors and options alone
(never the flatbuffer bytes): a model predicted from an architecture works as a read one does.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .errors import ResourceModelError
from .tflm_cmsis_nn import _padding

KERNEL_SETS = ("cmsis-nn", "reference")
COEFFICIENTS = Path(__file__).with_name("data") / "tflm_latency.json"

# The geometry the features are computed from: one row of the measurements per operator.
DESCRIPTOR_FIELDS = ("op", "in_h", "in_w", "in_c", "in_elements", "in2_elements", "same_shapes",
                     "out_h", "out_w", "out_c", "out_elements", "k_h", "k_w", "stride_h",
                     "stride_w", "dil_h", "dil_w", "pad_h", "pad_w")
INVOKE_FEATURES = ("constant", "operators")


class UnmodelledLatencyError(ResourceModelError):
    """An operator (or a kernel path of one) the latency model has no measurements for."""


def _hwc(shape) -> tuple:
    """(height, width, channels) of an NHWC or a flat tensor shape."""
    shape = tuple(int(d) for d in shape)
    if len(shape) == 4:
        return shape[1], shape[2], shape[3]
    if len(shape) == 3:
        return 1, shape[1], shape[2]
    elements = 1
    for d in shape[:-1]:
        elements *= d
    return 1, elements, shape[-1] if shape else 1


def operator_descriptor(model, op) -> dict:
    """The geometry of ``op`` (a :class:`TfliteOperator` of ``model``) that its instructions
    depend on, as a flat dict of integers (and its type under ``op``)."""
    tensors = model.tensors
    inp = tensors[op.inputs[0]]
    out = tensors[op.outputs[0]]
    in_h, in_w, in_c = _hwc(inp.shape)
    out_h, out_w, out_c = _hwc(out.shape)
    d = dict.fromkeys(DESCRIPTOR_FIELDS, 0)
    d.update(op=op.name, in_h=in_h, in_w=in_w, in_c=in_c, in_elements=inp.elements,
             out_h=out_h, out_w=out_w, out_c=out_c, out_elements=out.elements,
             k_h=1, k_w=1, stride_h=1, stride_w=1, dil_h=1, dil_w=1)
    if op.name in ("CONV_2D", "DEPTHWISE_CONV_2D", "MAX_POOL_2D", "AVERAGE_POOL_2D"):
        needed = ("stride", "filter") if op.name.endswith("POOL_2D") else ("stride", "dilation")
        missing = [key for key in needed if key not in op.options]
        if missing:
            raise UnmodelledLatencyError(
                f"{getattr(model, 'source', 'model')}: operator {op.index} ({op.name}) has no "
                f"{', '.join(missing)} in its options, which its instructions depend on")
        if op.name.endswith("POOL_2D"):
            k_h, k_w = op.options["filter"]
            dil_h = dil_w = 1
        else:
            weights = tensors[op.inputs[1]].shape
            k_h, k_w = int(weights[1]), int(weights[2])
            dil_h, dil_w = op.options["dilation"]
        stride_h, stride_w = op.options["stride"]
        d.update(k_h=k_h, k_w=k_w, stride_h=stride_h, stride_w=stride_w, dil_h=dil_h,
                 dil_w=dil_w, pad_h=_padding(in_h, k_h, stride_h, dil_h, out_h),
                 pad_w=_padding(in_w, k_w, stride_w, dil_w, out_w))
    elif op.name == "FULLY_CONNECTED":
        units, depth = (int(v) for v in tensors[op.inputs[1]].shape)
        d.update(in_h=1, in_w=inp.elements // depth, in_c=depth, out_h=1,
                 out_w=out.elements // units, out_c=units)
    if len(op.inputs) > 1 and op.name in ("ADD", "SUB", "MUL"):
        other = tensors[op.inputs[1]]
        d.update(in2_elements=other.elements,
                 same_shapes=int(tuple(inp.shape) == tuple(other.shape)))
    return d


def _valid_taps(size: int, out: int, kernel: int, stride: int, dilation: int, pad: int) -> int:
    """Kernel taps inside the image along one axis, summed over the output positions."""
    taps = 0
    for o in range(out):
        start = o * stride - pad
        taps += sum(1 for k in range(kernel) if 0 <= start + k * dilation < size)
    return taps


def operator_group(d: dict, kernels: str) -> str:
    """The kernel (and its path) that runs the operator: what one set of coefficients covers."""
    op = d["op"]
    if kernels == "cmsis-nn" and op == "CONV_2D":
        dilated = d["dil_h"] != 1 or d["dil_w"] != 1
        if (d["pad_h"] == 0 and d["pad_w"] == 0 and d["k_h"] == 1 and d["k_w"] == 1
                and not dilated):
            return f"{op}/1x1" + ("_fast" if d["stride_h"] == 1 and d["stride_w"] == 1 else "")
        if d["in_h"] == 1 and d["dil_w"] == 1 and d["k_h"] == 1 and \
                (d["stride_w"] * d["in_c"]) % 4 == 0:
            return f"{op}/1xn"
        return f"{op}/generic"
    if kernels == "cmsis-nn" and op == "DEPTHWISE_CONV_2D":
        if d["out_c"] == d["in_c"] and d["dil_h"] == 1 and d["dil_w"] == 1:
            if d["k_h"] == 3 and d["k_w"] == 3 and d["pad_h"] <= 1 and d["pad_w"] <= 1:
                return f"{op}/3x3"
            return f"{op}/opt"
        return f"{op}/generic"
    if op == "ADD":
        if d["same_shapes"]:
            return f"{op}/same_shapes"
        if kernels == "cmsis-nn" and d["in_elements"] == d["in2_elements"]:
            return f"{op}/same_sizes"     # CMSIS-NN's elementwise add; reference: broadcast
        return f"{op}/broadcast"
    return op


def operator_features(d: dict, kernels: str) -> dict:
    """Feature name -> value for the operator's group (:func:`operator_group`)."""
    op = d["op"]
    pixels = d["out_h"] * d["out_w"]
    out_elements = d["out_elements"]
    f = {"constant": 1.0, "out_elements": float(out_elements)}
    if op in ("CONV_2D", "DEPTHWISE_CONV_2D", "MAX_POOL_2D", "AVERAGE_POOL_2D"):
        taps = (_valid_taps(d["in_h"], d["out_h"], d["k_h"], d["stride_h"], d["dil_h"], d["pad_h"])
                * _valid_taps(d["in_w"], d["out_w"], d["k_w"], d["stride_w"], d["dil_w"],
                              d["pad_w"]))
        window = d["k_h"] * d["k_w"]
        channels = d["out_c"]
        f.update(pixels=pixels, taps=pixels * window * channels, valid_taps=taps * channels,
                 valid_positions=taps, positions=pixels * window)
        if op == "CONV_2D":
            depth = window * d["in_c"]
            f.update(macs=pixels * channels * depth, valid_macs=taps * channels * d["in_c"],
                     im2col=pixels * depth, valid_im2col=taps * d["in_c"])
            if kernels == "cmsis-nn":
                f.update(odd_pixel_macs=(pixels % 2) * channels * depth,
                         odd_channel_macs=pixels * (channels % 2) * depth,
                         depth_remainder=pixels * channels * (depth % 4))
        elif kernels == "cmsis-nn":
            f.update(channel_remainder=pixels * window * (channels % 4),
                     pixel_channel_remainder=pixels * (channels % 4))
    elif op == "FULLY_CONNECTED":
        rows, units, depth = d["out_w"], d["out_c"], d["in_c"]
        f.update(macs=rows * units * depth, depth=rows * depth)
        if kernels == "cmsis-nn":
            f.update(odd_unit_macs=rows * (units % 2) * depth,
                     depth_remainder=rows * units * (depth % 4),
                     depth_remainder16=rows * units * (depth % 16))
    elif op == "PAD":
        f.update(in_elements=d["in_elements"], pixels=pixels)
    elif op == "ADD" and not d["same_shapes"]:
        f.update(rows=pixels)
    return f


@lru_cache(maxsize=4)
def _load(path: str) -> dict:
    try:
        return json.loads(Path(path).read_text())
    except (OSError, ValueError) as e:
        raise UnmodelledLatencyError(f"{path}: cannot read the latency model's coefficients "
                                     f"({e}); fit them with python -m mcu.latency_fit") from None


def coefficients(kernels: str, path=None) -> dict:
    if kernels not in KERNEL_SETS:
        raise UnmodelledLatencyError(f"kernels {kernels!r}: the latency model knows "
                                     f"{', '.join(KERNEL_SETS)}")
    data = _load(str(path or COEFFICIENTS))
    if kernels not in data.get("kernels", {}):
        raise UnmodelledLatencyError(f"{path or COEFFICIENTS}: no coefficients for {kernels}")
    return data["kernels"][kernels]


def _linear(fit: dict, features: dict) -> float:
    return sum(c * features.get(name, 0.0) for name, c in zip(fit["features"],
                                                              fit["coefficients"]))


def predicted_operator_instructions(model, kernels: str, path=None) -> list:
    """Predicted instructions of each operator of ``model`` (stored order), floats."""
    fits = coefficients(kernels, path)
    predicted = []
    for op in model.operators:
        d = operator_descriptor(model, op)
        group = operator_group(d, kernels)
        fit = fits["groups"].get(group)
        if fit is None:
            raise UnmodelledLatencyError(
                f"{getattr(model, 'source', 'model')}: operator {op.index} ({op.name}, kernel "
                f"{group}) has no latency model for {kernels} (none was measured)")
        predicted.append(max(_linear(fit, operator_features(d, kernels)), 0.0))
    return predicted


def predicted_instructions(model, kernels: str, path=None) -> int:
    """Predicted instructions per inference of ``model`` (a TfliteModel) on the Cortex-M4 with
    TFLM's ``kernels`` (reference or cmsis-nn): the operators' plus the interpreter's."""
    overhead = coefficients(kernels, path)["invoke"]
    total = sum(predicted_operator_instructions(model, kernels, path))
    total += _linear(overhead, {"constant": 1.0, "operators": float(len(model.operators))})
    return int(round(total))
