"""int8 TFLite export keeps a trained model's accuracy (what gets deployed is what was found)."""
import numpy as np
import pytest

import keras
import tensorflow as tf

from sklearn.datasets import load_digits

from utils import convert_to_tflite, quantised_accuracy, tflite_predict


@pytest.fixture(scope="module")
def trained():
    keras.utils.set_random_seed(0)
    digits = load_digits()
    x = (digits.images / 16.0).astype(np.float32)[..., None]
    y = digits.target
    inp = keras.Input((8, 8, 1))
    h = keras.layers.Conv2D(8, 3, activation="relu")(inp)
    h = keras.layers.Flatten()(h)
    model = keras.Model(inp, keras.layers.Dense(10)(h))
    model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    model.fit(x[:1500], y[:1500], epochs=15, batch_size=64, verbose=0)
    return model, x[1500:], y[1500:]


def test_int8_model_matches_float_accuracy(trained):
    model, x, y = trained
    float_acc = float(np.mean(model.predict(x, verbose=0).argmax(-1) == y))
    flatbuffer = convert_to_tflite(model, x[:100])
    int8_acc = quantised_accuracy(flatbuffer, tf.data.Dataset.from_tensor_slices((x, y)))
    assert float_acc > 0.8
    assert abs(int8_acc - float_acc) < 0.05


def test_float_export_reproduces_keras_outputs(trained):
    model, x, _ = trained
    flatbuffer = convert_to_tflite(model, quantise=False)
    np.testing.assert_allclose(tflite_predict(flatbuffer, x[:5]), model.predict(x[:5], verbose=0),
                               rtol=1e-4, atol=1e-4)


def test_quantisation_without_data_is_a_clear_error(trained):
    with pytest.raises(ValueError, match="representative_data"):
        convert_to_tflite(trained[0])
