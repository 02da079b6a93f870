"""Deployment helpers: int8 TFLite conversion of found models and their quantised accuracy.

μNAS assumes a runtime that executes one operator at a time in full, such as TensorFlow Lite Micro;
these helpers produce the fully integer-quantised flatbuffer such runtimes expect.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import numpy as np


def _representative_inputs(data, limit: int) -> np.ndarray:
    """Up to ``limit`` float32 inputs from an array, a tf.data dataset of (x, y) or of x, or a Dataset."""
    if hasattr(data, "train_dataset"):                      # a dataset.Dataset
        data = data.train_dataset()
    if isinstance(data, np.ndarray):
        return data[:limit].astype(np.float32)
    xs = []
    for item in data.take(limit) if hasattr(data, "take") else data:
        x = item[0] if isinstance(item, (tuple, list)) else item
        x = np.asarray(x, dtype=np.float32)
        xs.extend(x if x.ndim == 4 else x[None])
        if len(xs) >= limit:
            break
    if not xs:
        raise ValueError("representative data is empty: int8 quantisation needs sample inputs")
    return np.stack(xs[:limit])


def convert_to_tflite(model, representative_data=None, quantise: bool = True,
                      num_representative: int = 200) -> bytes:
    """Converts a Keras model to a TFLite flatbuffer.

    With ``quantise`` (default) the model is fully int8-quantised (int8 input and output), calibrated
    on ``representative_data``: a numpy array of inputs, a tf.data dataset, or a ``dataset.Dataset``.
    """
    import tensorflow as tf

    # Batch size 1, as on the device: every shape is static, so Flatten is a plain RESHAPE rather
    # than SHAPE/STRIDED_SLICE/PACK/RESHAPE, which TFLite Micro would have to run at each inference.
    import keras

    single = keras.Input(batch_shape=(1,) + tuple(model.inputs[0].shape[1:]))
    converter = tf.lite.TFLiteConverter.from_keras_model(keras.Model(single, model(single)))
    if quantise:
        if representative_data is None:
            raise ValueError("convert_to_tflite(quantise=True) needs representative_data")
        inputs = _representative_inputs(representative_data, num_representative)

        def representative_dataset():
            for x in inputs:
                yield [x[None]]

        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.representative_dataset = representative_dataset
        converter.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
        converter.inference_input_type = tf.int8
        converter.inference_output_type = tf.int8
    return converter.convert()


def save_tflite(flatbuffer: bytes, path: str | os.PathLike) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(flatbuffer)
    return path


def tflite_interpreter(flatbuffer: bytes):
    """A TFLite (LiteRT) interpreter on its reference kernels, the kind TFLite Micro runs: the
    default XNNPACK delegate rejects some valid int8 graphs (e.g. a fully connected layer with a
    single input feature), and ``tf.lite.Interpreter`` is deprecated."""
    from ai_edge_litert.interpreter import Interpreter, OpResolverType

    return Interpreter(model_content=flatbuffer,
                       experimental_op_resolver_type=OpResolverType.BUILTIN_REF)


def tflite_predict(flatbuffer: bytes, xs: Iterable[np.ndarray], raw: bool = False) -> np.ndarray:
    """Runs a (possibly int8) TFLite model on float inputs one at a time; returns float outputs
    (``raw``: the stored int8 outputs, as TFLM would give them)."""
    interpreter = tflite_interpreter(flatbuffer)
    interpreter.allocate_tensors()
    inp, out = interpreter.get_input_details()[0], interpreter.get_output_details()[0]
    in_scale, in_zero = inp["quantization"]
    out_scale, out_zero = out["quantization"]
    outputs = []
    for x in xs:
        x = np.asarray(x, dtype=np.float32)[None]
        if inp["dtype"] != np.float32:
            info = np.iinfo(inp["dtype"])
            x = np.clip(np.round(x / in_scale + in_zero), info.min, info.max).astype(inp["dtype"])
        interpreter.set_tensor(inp["index"], x)
        interpreter.invoke()
        y = interpreter.get_tensor(out["index"])[0]
        if not raw and out["dtype"] != np.float32:
            y = (y.astype(np.float32) - out_zero) * out_scale
        outputs.append(y)
    return np.stack(outputs)


def quantised_accuracy(flatbuffer: bytes, data, max_samples: int | None = None) -> float:
    """Accuracy of a TFLite model on a tf.data dataset of unbatched (x, y) pairs."""
    xs, ys = [], []
    for i, (x, y) in enumerate(data):
        if max_samples is not None and i >= max_samples:
            break
        xs.append(np.asarray(x))
        ys.append(int(np.asarray(y)))
    logits = tflite_predict(flatbuffer, xs)
    if logits.shape[-1] == 1:                     # binary: one logit
        predictions = (logits[:, 0] > 0).astype(int)
    else:
        predictions = logits.argmax(axis=-1)
    return float(np.mean(predictions == np.asarray(ys)))


# --- TensorFlow Lite Micro ------------------------------------------------------------------------
def _tflm_interpreter(flatbuffer: bytes, arena_size: int | None = None):
    """A TFLM interpreter (reference kernels) for ``flatbuffer``; without ``arena_size`` the arena
    grows from 64 kB until the model fits (a too-small arena makes the constructor raise). The
    default size is a multiple of 16, as a firmware's ``alignas(16)`` arena is: TFLM allocates its
    tail down from the arena's end, aligning each struct, so an end that is not 16-byte aligned
    shifts the tail by a few bytes."""
    from tflite_micro import runtime

    if arena_size is not None:
        return runtime.Interpreter.from_bytes(flatbuffer, arena_size=arena_size)
    size = 64 * 1024 + 2 * (len(flatbuffer) + 15) // 16 * 16
    while True:
        try:
            return runtime.Interpreter.from_bytes(flatbuffer, arena_size=size)
        except RuntimeError:
            if size > 1 << 30:
                raise
            size *= 4


def quiet_conversion(flatbuffer_factory):
    """Runs ``flatbuffer_factory()`` with file descriptors 1 and 2 captured: the TFLite converter
    prints the SavedModel signature and MLIR notes there. Shows them again if it raises."""
    import sys
    import tempfile

    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    with tempfile.TemporaryFile(mode="w+b") as capture:
        os.dup2(capture.fileno(), 1)
        os.dup2(capture.fileno(), 2)
        try:
            return flatbuffer_factory()
        except BaseException:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            capture.seek(0)
            sys.stderr.write(capture.read().decode("utf-8", "replace")[-4000:])
            raise
        finally:
            sys.stdout.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])


def _read_fd2(action) -> str:
    """Runs ``action`` and returns what native code wrote to file descriptor 2 meanwhile."""
    import sys
    import tempfile

    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile(mode="w+b") as capture:
        os.dup2(capture.fileno(), 2)
        try:
            action()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        capture.seek(0)
        return capture.read().decode("utf-8", "replace")


def tflm_arena_usage(flatbuffer: bytes, arena_size: int | None = None) -> dict:
    """What TFLM's arena holds after one inference: ``{"head": bytes, "tail": bytes, "total":
    bytes}`` as its RecordingMicroAllocator reports them (head: the planned activations and
    scratch buffers; tail: tensor metadata, node data, quantisation parameters)."""
    import re

    interpreter = _tflm_interpreter(flatbuffer, arena_size)
    details = interpreter.get_input_details(0)
    interpreter.set_input(np.zeros(details["shape"], dtype=details["dtype"]), 0)
    interpreter.invoke()
    text = _read_fd2(interpreter.print_allocations)
    usage = {}
    for key in ("total", "head", "tail"):
        match = re.search(rf"Arena allocation {key} (\d+) bytes", text)
        if match is None:
            raise RuntimeError(f"TFLM's print_allocations did not report the arena {key}: {text!r}")
        usage[key] = int(match.group(1))
    return usage


def tflm_predict(flatbuffer: bytes, xs: Iterable[np.ndarray], raw: bool = False) -> np.ndarray:
    """Runs a model on TFLite Micro one float input at a time (quantised for an int8 model);
    returns float outputs, or with ``raw`` the outputs as stored (int8)."""
    interpreter = _tflm_interpreter(flatbuffer)
    inp, out = interpreter.get_input_details(0), interpreter.get_output_details(0)
    out_scale, out_zero = _scale_zero(out)
    outputs = []
    for x in xs:
        interpreter.set_input(_quantise_input(inp, x), 0)
        interpreter.invoke()
        y = interpreter.get_output(0)[0]
        if not raw and out["dtype"] != np.float32:
            y = (y.astype(np.float32) - out_zero) * out_scale
        outputs.append(np.array(y))
    return np.stack(outputs)


def _quantise_input(details: dict, x) -> np.ndarray:
    """One float input as the model's input tensor holds it (batch of 1, quantised if int)."""
    x = np.asarray(x)[None]
    if details["dtype"] != np.float32:
        scale, zero = _scale_zero(details)
        info = np.iinfo(details["dtype"])
        x = np.clip(np.round(x / scale + zero), info.min, info.max)
    return x.astype(details["dtype"])


def quantise_inputs(flatbuffer: bytes, xs: Iterable[np.ndarray]) -> list:
    """Float inputs as the raw tensors ``tflm_predict`` feeds the model (for other runtimes, such
    as the Cortex-M4 firmware, to be fed exactly the same bytes)."""
    details = _tflm_interpreter(flatbuffer).get_input_details(0)
    return [_quantise_input(details, x) for x in xs]


def _scale_zero(details: dict):
    q = details.get("quantization_parameters") or {}
    scales, zeros = q.get("scales"), q.get("zero_points")
    if scales is not None and len(scales):
        return float(scales[0]), int(zeros[0])
    scale, zero = details.get("quantization", (0.0, 0))
    return float(scale), int(zero)


def memory_report(flatbuffer: bytes) -> dict:
    """Predicted and measured TFLM memory of a model: the theoretical peak and arena head that
    ``resource_models.tflite`` predicts for its stored order, and TFLM's measured head and total."""
    from resource_models.tflite import read_tflite

    predicted = read_tflite(flatbuffer).memory()
    measured = tflm_arena_usage(flatbuffer)
    return {"theoretical_peak_bytes": predicted.theoretical_peak_bytes,
            "predicted_arena_head_bytes": predicted.arena_head_bytes,
            "tflm_arena_head_bytes": measured["head"],
            "tflm_arena_total_bytes": measured["total"]}


def optimise_tflite(flatbuffer: bytes) -> bytes:
    """The model with the operator order (and offline plan) that minimises TFLM's arena head."""
    from resource_models.tflite import read_tflite
    from resource_models.tflite_order import optimise

    return optimise(read_tflite(flatbuffer)).flatbuffer


_ARENA_PROBE = r"""
import os, sys
from tflite_micro import runtime
null = os.open(os.devnull, os.O_WRONLY)
answer = os.fdopen(os.dup(1), "w")
os.dup2(null, 1)
os.dup2(null, 2)
for line in sys.stdin:
    path, size = line.rsplit(" ", 1)
    try:
        runtime.Interpreter.from_bytes(open(path, "rb").read(), arena_size=int(size))
        answer.write("ok\n")
    except Exception:
        answer.write("fail\n")
    answer.flush()
"""


class TflmArenaProbe:
    """Asks the tflite-micro wheel whether a model's tensors can be allocated in an arena of a given
    size, in a child process: too small an arena can crash the wheel rather than fail (a
    persistent buffer allocated over live temporaries), which then counts as "does not run" and
    the child is restarted. Use as a context manager."""

    def __init__(self):
        self._child = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._child is not None and self._child.poll() is None:
            self._child.stdin.close()
            self._child.wait(timeout=60)

    def runs(self, path, arena_size: int) -> bool:
        import subprocess
        import sys

        if self._child is None or self._child.poll() is not None:
            self._child = subprocess.Popen([sys.executable, "-c", _ARENA_PROBE], text=True,
                                           stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        try:
            self._child.stdin.write(f"{path} {int(arena_size)}\n")
            self._child.stdin.flush()
            answer = self._child.stdout.readline().strip()
        except BrokenPipeError:
            answer = ""
        if not answer:                       # the child crashed on this arena
            self._child = None
        return answer == "ok"

    def smallest_arena(self, path, upper: int) -> int:
        """The smallest arena size up to ``upper`` (which must run) in which the model runs, by
        bisection on bytes."""
        low, high = 0, int(upper)
        if not self.runs(path, high):
            raise RuntimeError(f"{path}: does not run in an arena of {high} bytes")
        while high - low > 1:
            middle = (low + high) // 2
            if self.runs(path, middle):
                high = middle
            else:
                low = middle
        return high
