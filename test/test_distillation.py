"""Knowledge distillation: a frozen teacher loaded from ``distill_from``; the student learns from the
labels plus alpha * T^2 * KL(softmax(teacher / T) || softmax(student / T)). Works together with
pruning. A teacher that is missing or does not fit the data is a ConfigError when the trainer is
built. Teachers come from ``python -m teachers.train``."""
import subprocess
import sys
from pathlib import Path

import keras
import numpy as np
import pytest

from config import ConfigError, DistillationConfig, PruningConfig, TrainingConfig
from dataset import Digits
from model_trainer import CandidateModel, ModelTrainer, distillation_kl

ROOT = Path(__file__).resolve().parent.parent
DIGITS = Digits()
L = keras.layers


@pytest.fixture(scope="module")
def teacher_path(tmp_path_factory):
    """A briefly trained Digits teacher, made with the documented command."""
    out = tmp_path_factory.mktemp("teachers") / "digits_teacher.keras"
    done = subprocess.run(
        [sys.executable, "-m", "teachers.train", "digits", "--epochs", "4", "--width", "8",
         "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={"TF_CPP_MIN_LOG_LEVEL": "2", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert out.is_file() and "saved" in done.stdout
    return out


def student():
    inputs = keras.Input((8, 8, 1))
    x = L.Conv2D(8, 3, activation="relu", name="conv")(inputs)
    x = L.Dense(16, activation="relu", name="dense")(L.Flatten()(x))
    return keras.Model(inputs, L.Dense(10, name="classifier")(x))


def config(teacher, alpha=0.5, temperature=2.0, dataset=DIGITS, **kw):
    return TrainingConfig(dataset=dataset, batch_size=64, epochs=3,
                          optimizer=lambda: keras.optimizers.Adam(3e-3),
                          distillation=DistillationConfig(teacher, alpha=alpha,
                                                          temperature=temperature), **kw)


def test_the_teacher_is_better_than_chance(teacher_path):
    teacher = keras.models.load_model(teacher_path)
    s = DIGITS.splits()
    accuracy = np.mean(np.argmax(teacher.predict(s.x_test, verbose=0), -1) == s.y_test)
    assert accuracy > 0.5


def test_a_distilled_student_trains_and_evaluates(teacher_path):
    trainer = ModelTrainer(config(teacher_path))
    teacher_weights = [w.copy() for w in trainer.teacher.get_weights()]
    result = trainer.train_and_eval(student())
    assert result.ok and result.val_error < 0.3 and result.test_error < 0.3
    for before, after in zip(teacher_weights, trainer.teacher.get_weights()):   # frozen
        np.testing.assert_array_equal(before, after)


def test_the_distillation_term_is_in_the_loss(teacher_path):
    x, y = (a[:64] for a in (DIGITS.splits().x_train, DIGITS.splits().y_train))
    teacher = ModelTrainer(config(teacher_path)).teacher
    model = student()
    y_pred = model(x)

    def loss(alpha, temperature=2.0, training=True):
        net = CandidateModel(model, teacher=teacher, alpha=alpha, temperature=temperature)
        net.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        return float(net.compute_loss(x=x, y=y, y_pred=y_pred, training=training))

    label_loss = loss(alpha=0.0)
    kl = float(distillation_kl(teacher(x), y_pred, temperature=2.0))
    assert kl > 0
    assert loss(alpha=0.5) == pytest.approx(label_loss + 0.5 * 2.0 ** 2 * kl, rel=1e-5)
    assert loss(alpha=0.5) != pytest.approx(label_loss)
    assert loss(alpha=0.5, training=False) == pytest.approx(label_loss)  # evaluation: labels only
    # ... and it changes what training reports.
    with_teacher = ModelTrainer(config(teacher_path, alpha=1.0)).train_and_eval(student(), epochs=1)
    without = ModelTrainer(config(teacher_path, alpha=0.0)).train_and_eval(student(), epochs=1)
    assert with_teacher.history["loss"][0] > without.history["loss"][0]


def test_kl_divergence():
    rng = np.random.default_rng(0)
    t, s = rng.normal(size=(8, 10)).astype("float32"), rng.normal(size=(8, 10)).astype("float32")
    assert float(distillation_kl(t, t, 1.0)) == pytest.approx(0.0, abs=1e-6)
    p, q = keras.ops.softmax(t / 3.0).numpy(), keras.ops.softmax(s / 3.0).numpy()
    expected = np.mean(np.sum(p * (np.log(p) - np.log(q)), axis=-1))
    assert float(distillation_kl(t, s, 3.0)) == pytest.approx(expected, rel=1e-5)
    # One binary logit z is the pair of logits [0, z].
    z_t, z_s = t[:, :1], s[:, :1]
    pair = lambda z: np.concatenate([np.zeros_like(z), z], axis=1)
    assert float(distillation_kl(z_t, z_s, 2.0)) == \
        pytest.approx(float(distillation_kl(pair(z_t), pair(z_s), 2.0)), rel=1e-6)


def test_distillation_and_pruning_work_together(teacher_path):
    cfg = config(teacher_path, pruning=PruningConfig(structured=False, start_pruning_at_epoch=0,
                                                     finish_pruning_by_epoch=1))
    model = student()
    result = ModelTrainer(cfg).train_and_eval(model, sparsity=0.5)
    assert result.ok and result.val_error < 0.5
    kernels = [model.get_layer(n).kernel.numpy() for n in ("conv", "dense")]
    zeros = sum((k == 0).sum() for k in kernels) / sum(k.size for k in kernels)
    assert zeros == pytest.approx(0.5, abs=0.02)


def test_a_teacher_that_does_not_fit_is_a_config_error(teacher_path, tmp_path):
    with pytest.raises(ConfigError, match=r"DistillationConfig\.distill_from: no such file.*"
                                          r"teachers\.train"):
        ModelTrainer(config(tmp_path / "missing.keras"))
    with pytest.raises(ConfigError, match="outputs 10 logits, the dataset has 2 classes"):
        ModelTrainer(config(teacher_path, dataset=Digits(binary=True)))
    (tmp_path / "junk.keras").write_bytes(b"not a model")
    with pytest.raises(ConfigError, match="cannot load"):
        ModelTrainer(config(tmp_path / "junk.keras"))
