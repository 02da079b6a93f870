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
    """A TFLite interpreter on the built-in reference kernels, the kind TFLite Micro runs: the
    default XNNPACK delegate rejects some valid int8 graphs (e.g. a fully connected layer with a
    single input feature)."""
    import tensorflow as tf

    return tf.lite.Interpreter(
        model_content=flatbuffer,
        experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES)


def tflite_predict(flatbuffer: bytes, xs: Iterable[np.ndarray]) -> np.ndarray:
    """Runs a (possibly int8) TFLite model on float inputs one at a time; returns float outputs."""
    import warnings

    import tensorflow as tf

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tf.lite.Interpreter's deprecation notice
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
        y = interpreter.get_tensor(out["index"])[0].astype(np.float32)
        if out["dtype"] != np.float32:
            y = (y - out_zero) * out_scale
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
