"""Teachers for distillation: the original μNAS's per-dataset architectures, trainable with
``python -m teachers.train``. The parameter counts are the original's: its teacher functions built
once (outside this repository) for the same input shapes and class counts."""
import importlib
import os
import subprocess
import sys
from pathlib import Path

import keras
import numpy as np
import pytest

from dataset import Dummy
from teachers import TEACHERS
from teachers.train import recipe, train

ROOT = Path(__file__).resolve().parents[1]

#: teacher, input shape, classes, the original's parameter count, its convolution layer count.
ORIGINAL = [
    ("chars74k", (48, 48, 3), 62, 2_586_142, 8),
    ("cifar10", (32, 32, 3), 10, 2_330_186, 57),
    ("cifar10_binary", (32, 32, 3), 2, 2_319_938, 57),
    ("fashion_mnist", (28, 28, 1), 10, 2_644_538, 5),
    ("speech_commands", (49, 40, 1), 12, 3_450_564, 6),
]


@pytest.mark.parametrize("name, shape, classes, params, convs", ORIGINAL,
                         ids=[t[0] for t in ORIGINAL])
def test_teachers_are_the_originals_architectures(name, shape, classes, params, convs):
    model = recipe(name).build_model(shape, classes)
    assert model.input_shape == (None,) + shape and model.output_shape == (None, classes)
    assert model.count_params() == params
    assert sum("Conv" in type(layer).__name__ for layer in model.layers) == convs


def test_every_teacher_has_a_recipe():
    for name in TEACHERS:
        r = recipe(name)
        assert r.EPOCHS >= 1 and r.BATCH_SIZE >= 1 and r.OUTPUT.endswith(".keras")
        assert isinstance(r.callbacks(), list)
    with pytest.raises(ValueError, match="unknown teacher"):
        recipe("mnist")


@pytest.mark.parametrize("name", TEACHERS)
def test_recipe_optimizers_build(name):
    """The recipe's optimizer (SGDW/AdamW from ``optimizers``); while that module is absent the
    error names it."""
    try:
        importlib.import_module("optimizers")
    except ImportError:
        if name != "digits":
            with pytest.raises(ImportError, match="optimizers"):
                recipe(name).optimizer()
            return
    assert isinstance(recipe(name).optimizer(), keras.optimizers.Optimizer)


def test_the_learning_rate_schedules_are_the_originals():
    assert [recipe("cifar10").lr_schedule(e) for e in (34, 35, 64, 65)] == [0.1, 0.01, 0.01, 0.001]
    assert [recipe("cifar10_binary").lr_schedule(e) for e in (34, 35, 65)] == [0.01, 0.005, 0.001]
    assert [recipe("speech_commands").lr_schedule(e) for e in (19, 20, 40)] == [5e-4, 1e-4, 2e-5]
    [fashion] = recipe("fashion_mnist").callbacks()
    assert [fashion.schedule(e) for e in (24, 25)] == [0.001, 0.0001]


def test_a_teacher_trains_and_is_saved(tmp_path):
    """The Fashion-MNIST teacher on tiny random data of its shape: it trains, saves and reloads
    with the same outputs."""
    data = Dummy(img_shape=(28, 28, 1), num_classes=10, length=48)
    model, test_error, out = train("fashion_mnist", tmp_path / "t.keras", dataset=data, epochs=1,
                                   optimizer=lambda: keras.optimizers.Adam(1e-3), verbose=0)
    assert out.is_file() and 0.0 <= test_error <= 1.0
    x = data.splits().x_test[:4]
    np.testing.assert_allclose(keras.models.load_model(out).predict(x, verbose=0),
                               model.predict(x, verbose=0), rtol=1e-5, atol=1e-5)


def test_missing_data_is_one_line_and_exit_2(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "teachers.train", "chars74k", "--data-dir", str(tmp_path / "none"),
         "--out", str(tmp_path / "t.keras")], cwd=ROOT, capture_output=True, text=True,
        timeout=300, env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"})
    assert result.returncode == 2, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.stderr[-2000:]
    assert "Chars74K" in lines[0] or str(tmp_path / "none") in lines[0], lines[0]
    assert not (tmp_path / "t.keras").exists()
