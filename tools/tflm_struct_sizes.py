"""Prints sizeof/alignof of the TFLM structs that make up the arena tail, as a compiler lays them
out for one runtime: the figures in resource_models/tflm_targets.py come from this script.

    python tools/tflm_struct_sizes.py x86-64     [--root vendor/tflm] [-I DIR ...]
    python tools/tflm_struct_sizes.py cortex-m4  [--kernels reference|cmsis-nn] [...]

Each struct is read by compiling a one-line translation unit that includes TFLM's own source (a
kernel's OpData is often private to its .cc file, so the .cc is included) and defines
``extern "C" const unsigned probe_values[] = {sizeof(T), alignof(T)}``; the values are read from
the assembly (``-S``), so nothing is linked or run and a cross compiler works as well as the host's.
x86-64 uses g++ with ``USE_TFLM_COMPRESSION`` (as the tflite-micro wheel is built); cortex-m4 uses
arm-none-eabi-g++ with TFLM's cortex_m_generic flags. ``--root`` is a TFLM tree (a clone, or the
vendored one with ``third_party/``); ``-I`` adds include directories (flatbuffers, gemmlowp, ruy,
CMSIS-NN, CMSIS Core) where they are not under ``ROOT/third_party``.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

K = "tensorflow/lite/micro/kernels/"
CORE = ["tflite::SingleArenaBufferAllocator", "tflite::RecordingSingleArenaBufferAllocator",
        "tflite::GreedyMemoryPlanner", "tflite::MicroAllocator", "tflite::RecordingMicroAllocator",
        "tflite::MicroBuiltinDataAllocator", "tflite::SubgraphAllocations", "TfLiteEvalTensor",
        "tflite::NodeAndRegistration", "TfLiteTensor", "TfLiteAffineQuantization",
        "TfLiteIntArray", "tflite::ScratchBufferHandle", "tflite::internal::ScratchBufferRequest",
        "tflite::AllocationInfo", "void*"]
PARAMS = ["TfLiteConvParams", "TfLiteDepthwiseConvParams", "TfLiteFullyConnectedParams",
          "TfLitePoolParams", "TfLiteAddParams", "TfLiteSubParams", "TfLiteMulParams",
          "TfLiteReshapeParams", "TfLiteSoftmaxParams", "TfLiteReducerParams",
          "TfLiteConcatenationParams", "TfLiteStridedSliceParams", "TfLiteLeakyReluParams",
          "TfLiteTransposeConvParams", "TfLiteSVDFParams",
          "TfLiteUnidirectionalSequenceLSTMParams"]
CORE_INCLUDES = ["micro_allocator.cc", "recording_micro_allocator.h",
                 "arena_allocator/recording_single_arena_buffer_allocator.h",
                 "memory_planner/greedy_memory_planner.h", "micro_allocation_info.h"]
REFERENCE = {"CONV_2D": ("conv.cc", "tflite::OpDataConv"),
             "DEPTHWISE_CONV_2D": ("depthwise_conv.cc", "tflite::OpDataConv"),
             "FULLY_CONNECTED": ("fully_connected.cc", "tflite::OpDataFullyConnected"),
             "POOL": ("pooling.cc", "tflite::OpDataPooling"),
             "ADD": ("add.cc", "tflite::OpDataAdd"), "SUB": ("sub.cc", "tflite::OpDataSub"),
             "MUL": ("mul.cc", "tflite::OpDataMul"),
             "SOFTMAX": ("softmax.cc", "tflite::SoftmaxParams"),
             "REDUCE": ("reduce.cc", "tflite::OpDataReduce"),
             "CONCATENATION": ("concatenation.cc", "tflite::OpData"),
             "PAD": ("pad.cc", "tflite::OpData"),
             "STRIDED_SLICE": ("strided_slice.cc", "tflite::StridedSliceParams"),
             "LEAKY_RELU": ("leaky_relu.cc", "tflite::LeakyReluOpData"),
             "QUANTIZE": ("quantize.cc", "tflite::OpDataQuantizeReference"),
             "DEQUANTIZE": ("dequantize.cc", "tflite::DequantizeOpData"),
             "LOGISTIC": ("logistic.cc", "tflite::OpDataLogistic"),
             "TANH": ("tanh.cc", "tflite::OpData"),
             "TRANSPOSE_CONV": ("transpose_conv.cc", "tflite::OpData"),
             "SVDF": ("svdf.cc", "tflite::OpDataSvdf"),
             "UNIDIRECTIONAL_SEQUENCE_LSTM": ("unidirectional_sequence_lstm.cc",
                                              "tflite::OpDataLSTM"),
             "RELU": ("activations.cc", "tflite::ReluOpData"),
             "RELU6": ("activations.cc", "tflite::Relu6OpData")}
CMSIS_NN = {"CONV_2D": ("cmsis_nn/conv.cc", "tflite::OpData"),
            "DEPTHWISE_CONV_2D": ("cmsis_nn/depthwise_conv.cc", "tflite::OpData"),
            "FULLY_CONNECTED": ("cmsis_nn/fully_connected.cc", "tflite::OpData"),
            "POOL": ("cmsis_nn/pooling.cc", "tflite::OpData"),
            "ADD": ("cmsis_nn/add.cc", "tflite::OpData"),
            "MUL": ("cmsis_nn/mul.cc", "tflite::OpDataMul"),
            "SOFTMAX": ("cmsis_nn/softmax.cc", "tflite::CMSISNNSoftmaxParams"),
            "PAD": ("cmsis_nn/pad.cc", "tflite::OpData"),
            "TRANSPOSE_CONV": ("cmsis_nn/transpose_conv.cc", "tflite::OpData"),
            "SVDF": ("cmsis_nn/svdf.cc", "tflite::CmsisNnOpDataSvdf"),
            "UNIDIRECTIONAL_SEQUENCE_LSTM": ("cmsis_nn/unidirectional_sequence_lstm.cc",
                                             "tflite::OpData")}
TARGETS = {"x86-64": ("g++", ["-DUSE_TFLM_COMPRESSION"]),
           "cortex-m4": ("arm-none-eabi-g++", ["-mcpu=cortex-m4", "-mfpu=fpv4-sp-d16",
                                               "-mfloat-abi=hard", "-mthumb", "-fsigned-char"])}


def values(compiler, flags, includes, source):
    command = [compiler, "-std=c++17", "-O1", "-w", "-fno-exceptions", "-fno-rtti",
               "-DTF_LITE_STATIC_MEMORY", "-DTF_LITE_DISABLE_X86_NEON", *flags,
               *(f"-I{d}" for d in includes), "-x", "c++", "-S", "-o", "-", "-"]
    run = subprocess.run(command, input=source, capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(f"error: {compiler} failed: {run.stderr.strip().splitlines()[-1]}")
    lines = run.stdout.splitlines()
    found = []
    for line in lines[lines.index("probe_values:") + 1:]:
        match = re.match(r"\s*\.(long|word)\s+(-?\d+)", line)
        if not match:
            break
        found.append(int(match.group(2)))
    return [tuple(found[i:i + 2]) for i in range(0, len(found), 2)]


def probe(types, include_lines, compiler, flags, includes):
    body = "".join(f'#include "{line}"\n' for line in include_lines)
    body += 'extern "C" const unsigned probe_values[] = {'
    body += ", ".join(f"sizeof({t}), alignof({t})" for t in types) + "};\n"
    return dict(zip(types, values(compiler, flags, includes, body)))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("target", choices=sorted(TARGETS))
    p.add_argument("--kernels", choices=("reference", "cmsis-nn"), default="reference")
    p.add_argument("--root", default="vendor/tflm", help="TFLM source tree")
    p.add_argument("-I", dest="includes", action="append", default=[],
                   help="extra include directory")
    args = p.parse_args(argv)
    root = Path(args.root)
    if not (root / "tensorflow" / "lite" / "micro" / "micro_allocator.cc").exists():
        print(f"error: --root {root}: not a TFLM source tree (no "
              "tensorflow/lite/micro/micro_allocator.cc)", file=sys.stderr)
        return 2
    third = root / "third_party"
    includes = [str(root), *args.includes,
                *(str(third / d) for d in ("flatbuffers/include", "gemmlowp", "ruy", "cmsis_nn",
                                           "cmsis_nn/Include", "cmsis/CMSIS/Core/Include"))]
    compiler, flags = TARGETS[args.target]
    if args.kernels == "cmsis-nn":
        flags = flags + ["-DCMSIS_NN"]
    core = probe(CORE + PARAMS, ["tensorflow/lite/micro/" + f for f in CORE_INCLUDES]
                 + ["tensorflow/lite/core/c/builtin_op_data.h"], compiler, flags, includes)
    print(f"# {args.target}: structs (size, alignment)")
    for name, value in core.items():
        print(f"{name:45s} {value}")
    kernels = REFERENCE if args.kernels == "reference" else CMSIS_NN
    print(f"# {args.target}, {args.kernels} kernels: sizeof(OpData) allocated in Init")
    for op, (source, struct) in kernels.items():
        (size, _), = probe([struct], [K + source], compiler, flags, includes).values()
        print(f"{op:45s} {size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
