"""The x86-64 side the firmware is checked against: the ``tflite-micro`` wheel's interpreter
(TFLM with reference kernels, compiled for the host), fed the same raw int8 inputs."""
from __future__ import annotations

import numpy as np

from .errors import McuError


def model_io(flatbuffer: bytes) -> tuple:
    """([(shape, dtype)] of the inputs, the same of the outputs), from the flatbuffer."""
    from resource_models.tflite_schema import load_schema, tensor_type_names

    names = tensor_type_names()
    dtypes = {"INT8": np.int8, "UINT8": np.uint8, "INT16": np.int16, "INT32": np.int32,
              "FLOAT32": np.float32}
    graph = load_schema().Model.GetRootAs(flatbuffer, 0).Subgraphs(0)

    def describe(indices):
        described = []
        for index in indices:
            tensor = graph.Tensors(int(index))
            name = names.get(tensor.Type(), str(tensor.Type()))
            if name not in dtypes:
                raise McuError(f"model input/output tensor {index} has type {name}; the harness "
                               "feeds and reads int8, uint8, int16, int32 or float32 tensors")
            shape = tuple(int(d) for d in tensor.ShapeAsNumpy()) if tensor.ShapeLength() else ()
            described.append((shape, np.dtype(dtypes[name])))
        return described

    return describe(graph.InputsAsNumpy()), describe(graph.OutputsAsNumpy())


def seeded_inputs(flatbuffer: bytes, samples: int, seed: int = 0) -> list:
    """``samples`` inputs (a list of arrays, one per input tensor) drawn uniformly over each
    integer type's range (float inputs from a standard normal), from ``seed``."""
    rng = np.random.default_rng(seed)
    inputs, _ = model_io(flatbuffer)
    drawn = []
    for _ in range(samples):
        sample = []
        for shape, dtype in inputs:
            if dtype.kind == "f":
                sample.append(rng.standard_normal(shape).astype(dtype))
            else:
                info = np.iinfo(dtype)
                sample.append(rng.integers(info.min, info.max, size=shape, endpoint=True,
                                           dtype=dtype))
        drawn.append(sample)
    return drawn


def x86_outputs(flatbuffer: bytes, samples: list) -> list:
    """Each sample's outputs (a list of arrays) from the x86-64 TFLM interpreter."""
    from utils import _tflm_interpreter

    interpreter = _tflm_interpreter(flatbuffer)
    _, outputs = model_io(flatbuffer)
    results = []
    for sample in samples:
        for index, array in enumerate(sample):
            interpreter.set_input(array, index)
        interpreter.invoke()
        results.append([np.array(interpreter.get_output(i)).copy() for i in range(len(outputs))])
    return results


def x86_arena(flatbuffer: bytes) -> dict:
    """The x86-64 wheel's RecordingMicroAllocator figures (64-bit host: a larger tail)."""
    from utils import tflm_arena_usage

    return tflm_arena_usage(flatbuffer)
