"""Sizes and alignments of TensorFlow Lite Micro's structs on each runtime this project models.

TFLM's arena tail is a sequence of structs (allocators, per-tensor and per-node records, each
operator's parameters and kernel data); what it costs depends on the target's pointer size and
struct layout and on which kernels are linked. The figures below are ``sizeof``/``alignof`` as the
compiler lays the structs out, read by ``tools/tflm_struct_sizes.py`` from TFLM's source (commit
``90b983c2b3f1480642e040bbd2ddb37b998f3424``, 2026-08-20, the newest snapshot available here; the
``tflite-micro`` wheel is built from ``8f6596d``, 2026-10-23) compiled as each runtime compiles it:

- ``x86-64``: g++ for x86-64 with ``USE_TFLM_COMPRESSION`` (the wheel is built with it: its
  FULLY_CONNECTED kernel data is 72 bytes, 64 without);
- ``cortex-m4``: arm-none-eabi-g++ with TFLM's cortex_m_generic flags (``-mcpu=cortex-m4
  -mfpu=fpv4-sp-d16 -mfloat-abi=hard -mthumb``; 4-byte pointers, and enums as small as their
  values, the AAPCS default of arm-none-eabi), no compression, with the reference kernels or with
  CMSIS-NN's (``kernels/cmsis_nn/*.cc``, their own OpData structs).

Where the wheel (two months newer than the source read) measurably differs from the source, the
x86-64 target's ``notes`` say so and by how much (one struct: FULLY_CONNECTED's parameters). The
Cortex-M4 figures are checked against the firmware that mcu/ builds from the same source
(benchmarks/bench_tflm_arena_m4.py): no difference.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Tuple

SizeAlign = Tuple[int, int]


@dataclass(frozen=True)
class Target:
    """One runtime: where TFLM runs and how it was compiled."""
    name: str
    pointer_bytes: int
    structs: Dict[str, SizeAlign]              # allocator and per-tensor/per-node structs
    builtin_params: Dict[str, SizeAlign]       # operator -> its TfLite*Params struct (parse step)
    kernel_data: Dict[str, Dict[str, int]]     # kernel set -> operator -> sizeof(OpData) (Init)
    measured: bool = False                     # figures confirmed against this runtime's own
    notes: Tuple[str, ...] = field(default=())  # measurement (False: predicted from source)


# Builtin parameter structs, by operator (flatbuffer_conversions.cc's Parse* functions; operators
# whose parser allocates nothing are absent).
_PARAM_STRUCT = {
    "CONV_2D": "TfLiteConvParams", "DEPTHWISE_CONV_2D": "TfLiteDepthwiseConvParams",
    "FULLY_CONNECTED": "TfLiteFullyConnectedParams", "AVERAGE_POOL_2D": "TfLitePoolParams",
    "MAX_POOL_2D": "TfLitePoolParams", "ADD": "TfLiteAddParams", "SUB": "TfLiteSubParams",
    "MUL": "TfLiteMulParams", "RESHAPE": "TfLiteReshapeParams", "SOFTMAX": "TfLiteSoftmaxParams",
    "MEAN": "TfLiteReducerParams", "SUM": "TfLiteReducerParams", "REDUCE_MAX": "TfLiteReducerParams",
    "REDUCE_MIN": "TfLiteReducerParams", "CONCATENATION": "TfLiteConcatenationParams",
    "STRIDED_SLICE": "TfLiteStridedSliceParams", "LEAKY_RELU": "TfLiteLeakyReluParams",
    "TRANSPOSE_CONV": "TfLiteTransposeConvParams", "SVDF": "TfLiteSVDFParams",
    "UNIDIRECTIONAL_SEQUENCE_LSTM": "TfLiteUnidirectionalSequenceLSTMParams",
}

_X86_PARAMS = {"TfLiteConvParams": (28, 4), "TfLiteDepthwiseConvParams": (28, 4),
               "TfLiteFullyConnectedParams": (40, 4), "TfLitePoolParams": (40, 4),
               "TfLiteAddParams": (8, 4), "TfLiteSubParams": (8, 4), "TfLiteMulParams": (4, 4),
               "TfLiteReshapeParams": (36, 4), "TfLiteSoftmaxParams": (4, 4),
               "TfLiteReducerParams": (1, 1), "TfLiteConcatenationParams": (8, 4),
               "TfLiteStridedSliceParams": (24, 4), "TfLiteLeakyReluParams": (4, 4),
               "TfLiteTransposeConvParams": (20, 4), "TfLiteSVDFParams": (12, 4),
               "TfLiteUnidirectionalSequenceLSTMParams": (16, 4)}
_ARM_PARAMS = {"TfLiteConvParams": (28, 4), "TfLiteDepthwiseConvParams": (28, 4),
               "TfLiteFullyConnectedParams": (5, 1), "TfLitePoolParams": (40, 4),
               "TfLiteAddParams": (2, 1), "TfLiteSubParams": (2, 1), "TfLiteMulParams": (1, 1),
               "TfLiteReshapeParams": (36, 4), "TfLiteSoftmaxParams": (4, 4),
               "TfLiteReducerParams": (1, 1), "TfLiteConcatenationParams": (8, 4),
               "TfLiteStridedSliceParams": (24, 4), "TfLiteLeakyReluParams": (4, 4),
               "TfLiteTransposeConvParams": (16, 4), "TfLiteSVDFParams": (8, 4),
               "TfLiteUnidirectionalSequenceLSTMParams": (16, 4)}


def _params(table):
    return {op: table[struct] for op, struct in _PARAM_STRUCT.items()}


def _pool(table, key="POOL"):
    table = dict(table)
    size = table.pop(key)
    table["AVERAGE_POOL_2D"] = table["MAX_POOL_2D"] = size
    return table


def _reduce(table):
    table = dict(table)
    size = table.pop("REDUCE")
    for op in ("MEAN", "SUM", "REDUCE_MAX", "REDUCE_MIN"):
        table[op] = size
    return table


X86_64 = Target(
    name="x86-64",
    pointer_bytes=8,
    structs={"SingleArenaBufferAllocator": (72, 8), "RecordingSingleArenaBufferAllocator": (104, 8),
             "GreedyMemoryPlanner": (72, 8), "MicroAllocator": (72, 8),
             "RecordingMicroAllocator": (272, 8), "MicroBuiltinDataAllocator": (16, 8),
             "SubgraphAllocations": (24, 8), "TfLiteEvalTensor": (24, 8),
             "NodeAndRegistration": (64, 8), "TfLiteTensor": (64, 8),
             "TfLiteAffineQuantization": (24, 8), "TfLiteIntArray": (4, 4),
             "ScratchBufferHandle": (8, 8), "ScratchBufferRequest": (16, 8),
             "AllocationInfo": (32, 8), "pointer": (8, 8)},
    builtin_params=_params(_X86_PARAMS),
    kernel_data={"reference": _reduce(_pool({
        "CONV_2D": 80, "DEPTHWISE_CONV_2D": 80, "FULLY_CONNECTED": 72, "POOL": 32, "ADD": 60,
        "SUB": 52, "MUL": 36, "SOFTMAX": 80, "REDUCE": 44, "CONCATENATION": 80, "PAD": 56,
        "STRIDED_SLICE": 84, "LEAKY_RELU": 24, "QUANTIZE": 32, "DEQUANTIZE": 32, "LOGISTIC": 16,
        "TANH": 16, "TRANSPOSE_CONV": 88, "SVDF": 36, "UNIDIRECTIONAL_SEQUENCE_LSTM": 688,
        "RELU": 28, "RELU6": 8}))},
    measured=True,
    notes=("TfLiteFullyConnectedParams is 16 bytes aligned to 4 in the source read, but 32 "
           "aligned to 8 in the wheel: measured, the only value that makes every model tried "
           "exact (146 models' tails, 78 models' smallest arenas to the byte)",),
)
# The wheel's own measurement where it differs from the source read (see the note above).
X86_64.builtin_params["FULLY_CONNECTED"] = (32, 8)

_ARM_REFERENCE = {
    "CONV_2D": 56, "DEPTHWISE_CONV_2D": 56, "FULLY_CONNECTED": 48, "POOL": 32, "ADD": 60,
    "SUB": 52, "MUL": 36, "SOFTMAX": 56, "REDUCE": 44, "CONCATENATION": 24, "PAD": 56,
    "STRIDED_SLICE": 84, "LEAKY_RELU": 24, "QUANTIZE": 32, "DEQUANTIZE": 32, "LOGISTIC": 16,
    "TANH": 16, "TRANSPOSE_CONV": 72, "SVDF": 36, "UNIDIRECTIONAL_SEQUENCE_LSTM": 688,
    "RELU": 28, "RELU6": 8}

CORTEX_M4 = Target(
    name="cortex-m4",
    pointer_bytes=4,
    structs={"SingleArenaBufferAllocator": (36, 4), "RecordingSingleArenaBufferAllocator": (52, 4),
             "GreedyMemoryPlanner": (44, 4), "MicroAllocator": (36, 4),
             "RecordingMicroAllocator": (124, 4), "MicroBuiltinDataAllocator": (8, 4),
             "SubgraphAllocations": (8, 4), "TfLiteEvalTensor": (12, 4),
             "NodeAndRegistration": (32, 4), "TfLiteTensor": (32, 4),
             "TfLiteAffineQuantization": (12, 4), "TfLiteIntArray": (4, 4),
             "ScratchBufferHandle": (4, 4), "ScratchBufferRequest": (12, 4),
             "AllocationInfo": (24, 4), "pointer": (4, 4)},
    builtin_params=_params(_ARM_PARAMS),
    kernel_data={"reference": _reduce(_pool(_ARM_REFERENCE))},
    measured=True,
    notes=("checked against the firmware harness (mcu/, QEMU mps2-an386) with both kernel sets: "
           "benchmarks/bench_tflm_arena_m4.py",),
)
# CMSIS-NN replaces some kernels (kernels/cmsis_nn/*.cc, their own OpData); the rest stay reference.
CORTEX_M4.kernel_data["cmsis-nn"] = {**CORTEX_M4.kernel_data["reference"], **_pool({
    "CONV_2D": 60, "DEPTHWISE_CONV_2D": 60, "FULLY_CONNECTED": 72, "POOL": 36, "ADD": 60,
    "MUL": 36, "SOFTMAX": 64, "PAD": 56, "TRANSPOSE_CONV": 76, "SVDF": 40,
    "UNIDIRECTIONAL_SEQUENCE_LSTM": 912})}

TARGETS = {t.name: t for t in (X86_64, CORTEX_M4)}
KERNEL_SETS = ("reference", "cmsis-nn")
