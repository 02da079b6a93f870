"""SGDW/AdamW follow tensorflow-addons' decoupled weight decay, step by step.

The reference is written out by hand from tfa's documented update: first ``var -= wd * var`` for
every optimised variable (wd never multiplied by the learning rate), then the base optimiser's step
with the gradient taken at the pre-decay weights."""
import math

import keras
import numpy as np
import pytest

from optimizers import AdamW, SGDW

W0 = np.array([1.0, -2.0, 0.5], dtype=np.float64)


def grad(w):
    """Gradient of the quadratic loss sum((w - 3)^2) / 2 + w0 * w1 (couples the coordinates)."""
    g = w - 3.0
    g = g + np.array([w[1], w[0], 0.0])
    return g


def reference_sgdw(lrs, wd, momentum, nesterov, w=W0):
    w, m = w.copy(), np.zeros_like(w)
    out = []
    for lr in lrs:
        g = grad(w)
        w = w - wd * w
        m = momentum * m - lr * g
        w = w + (momentum * m - lr * g if nesterov else m)
        out.append(w.copy())
    return out


def reference_adamw(lrs, wd, b1, b2, eps, amsgrad, w=W0):
    w, m, v, vhat = w.copy(), np.zeros_like(w), np.zeros_like(w), np.zeros_like(w)
    out = []
    for t, lr in enumerate(lrs, start=1):
        g = grad(w)
        w = w - wd * w
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        vhat = np.maximum(vhat, v)
        step = lr * math.sqrt(1 - b2 ** t) / (1 - b1 ** t)
        w = w - step * m / (np.sqrt(vhat if amsgrad else v) + eps)
        out.append(w.copy())
    return out


def run_steps(opt, lrs, set_lr=True):
    var = keras.Variable(W0.astype("float32"))
    out = []
    for lr in lrs:
        if set_lr:
            opt.learning_rate = lr          # what LearningRateScheduler/ReduceLROnPlateau do
        g = grad(var.numpy().astype(np.float64)).astype("float32")
        opt.apply_gradients([(g, var)])
        out.append(var.numpy().copy())
    return out


LRS = [0.1, 0.1, 0.02, 0.3, 0.005, 0.05]   # a changing learning rate


@pytest.mark.parametrize("momentum,nesterov", [(0.0, False), (0.9, False), (0.9, True)])
def test_sgdw_matches_hand_computed_updates_under_a_changing_learning_rate(momentum, nesterov):
    opt = SGDW(learning_rate=0.1, momentum=momentum, weight_decay=0.01, nesterov=nesterov)
    got = run_steps(opt, LRS)
    want = reference_sgdw(LRS, 0.01, momentum, nesterov)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("amsgrad", [False, True])
def test_adamw_matches_hand_computed_updates_under_a_changing_learning_rate(amsgrad):
    opt = AdamW(learning_rate=0.1, weight_decay=0.02, beta_1=0.8, beta_2=0.95, epsilon=1e-6,
                amsgrad=amsgrad)
    got = run_steps(opt, LRS)
    want = reference_adamw(LRS, 0.02, 0.8, 0.95, 1e-6, amsgrad)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


def test_decay_is_not_scaled_by_a_learning_rate_schedule():
    schedule = keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=1, decay_rate=0.5)
    lrs = [0.1 * 0.5 ** k for k in range(5)]
    got = run_steps(SGDW(learning_rate=schedule, momentum=0.9, weight_decay=0.05), lrs, set_lr=False)
    np.testing.assert_allclose(got, reference_sgdw(lrs, 0.05, 0.9, False), rtol=1e-5, atol=1e-6)
    # Keras' own SGD with the constant translation wd/lr0 agrees on the first step only.
    keras_sgd = keras.optimizers.SGD(learning_rate=schedule, momentum=0.9, weight_decay=0.05 / 0.1)
    drifted = run_steps(keras_sgd, lrs, set_lr=False)
    np.testing.assert_allclose(drifted[0], got[0], rtol=1e-5)
    assert np.abs(drifted[-1] - got[-1]).max() > 1e-3


def test_tfa_keywords_lr_alias_and_legacy_decay():
    opt = SGDW(lr=0.2, momentum=0.5, weight_decay=0.01)
    assert math.isclose(float(opt.learning_rate), 0.2, rel_tol=1e-6)
    # tf.keras' legacy inverse-time decay: lr_t = lr / (1 + decay * t), t = steps taken so far.
    decayed = SGDW(lr=0.2, momentum=0.5, weight_decay=0.01, decay=0.5)
    got = run_steps(decayed, [0.2] * 4, set_lr=False)
    lrs = [0.2 / (1 + 0.5 * t) for t in range(4)]
    np.testing.assert_allclose(got, reference_sgdw(lrs, 0.01, 0.5, False), rtol=1e-5, atol=1e-6)
    # weight_decay is tfa's first positional argument.
    assert float(AdamW(1e-4, 0.001)._decoupled_weight_decay) == pytest.approx(1e-4)
    with pytest.raises(TypeError, match="weight_decay"):
        SGDW(learning_rate=0.1)


def small_model():
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3),
                              keras.layers.BatchNormalization(), keras.layers.Dense(1)])
    return model


def test_every_trainable_variable_is_decayed_and_nothing_else():
    """tfa decays every variable it optimises (decay_var_list defaults to all of them): kernels,
    biases, batch-norm gamma/beta; moving statistics are not optimised and stay put."""
    model = small_model()
    for v in model.trainable_variables + model.non_trainable_variables:
        v.assign(np.random.default_rng(0).normal(size=v.shape).astype("float32"))
    before_t = [v.numpy().copy() for v in model.trainable_variables]
    before_n = [v.numpy().copy() for v in model.non_trainable_variables]
    opt = SGDW(learning_rate=0.5, momentum=0.9, weight_decay=0.1)
    opt.apply_gradients([(np.zeros(v.shape, "float32"), v) for v in model.trainable_variables])
    for b, v in zip(before_t, model.trainable_variables):
        np.testing.assert_allclose(v.numpy(), 0.9 * b, rtol=1e-6)
    for b, v in zip(before_n, model.non_trainable_variables):
        np.testing.assert_array_equal(v.numpy(), b)
    excluding = SGDW(learning_rate=0.5, weight_decay=0.1, exclude_from_weight_decay=["bias"])
    bias = model.layers[0].bias
    kernel = model.layers[0].kernel
    b0, k0 = bias.numpy().copy(), kernel.numpy().copy()
    excluding.apply_gradients([(np.zeros(bias.shape, "float32"), bias),
                               (np.zeros(kernel.shape, "float32"), kernel)])
    np.testing.assert_array_equal(bias.numpy(), b0)
    np.testing.assert_allclose(kernel.numpy(), 0.9 * k0, rtol=1e-6)


def linear_fit_reference(x, y, w, b, lrs, wd, momentum):
    """Full-batch SGDW on mean squared error of x @ w + b, one step per epoch."""
    mw, mb = np.zeros_like(w), np.zeros_like(b)
    for lr in lrs:
        r = x @ w + b - y
        gw, gb = 2 * x.T @ r / len(x), 2 * r.mean(axis=0)
        w, b = w - wd * w, b - wd * b
        mw, mb = momentum * mw - lr * gw, momentum * mb - lr * gb
        w, b = w + mw, b + mb
    return w, b


def test_fit_with_learning_rate_callbacks_matches_the_reference():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(16, 3)).astype("float32")
    y = rng.normal(size=(16, 1)).astype("float32")
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    w0, b0 = [a.astype(np.float64) for a in model.get_weights()]
    model.compile(optimizer=SGDW(learning_rate=0.1, momentum=0.9, weight_decay=0.03), loss="mse")
    lrs = [0.1, 0.05, 0.2, 0.01]
    scheduler = keras.callbacks.LearningRateScheduler(lambda epoch, lr: lrs[epoch])
    model.fit(x, y, batch_size=16, epochs=len(lrs), shuffle=False, verbose=0, callbacks=[scheduler])
    w, b = linear_fit_reference(x.astype(np.float64), y.astype(np.float64), w0, b0, lrs, 0.03, 0.9)
    np.testing.assert_allclose(model.get_weights()[0], w, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(model.get_weights()[1], b, rtol=1e-4, atol=1e-6)


def test_reduce_lr_on_plateau_changes_the_rate_but_not_the_decay():
    x = np.zeros((8, 3), "float32")     # zero inputs and targets: the kernel's gradient is zero
    y = np.zeros((8, 1), "float32")
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, use_bias=False)])
    model.layers[0].kernel.assign(np.ones((3, 1), "float32"))
    opt = SGDW(learning_rate=0.1, weight_decay=0.1)
    model.compile(optimizer=opt, loss="mse")
    plateau = keras.callbacks.ReduceLROnPlateau(monitor="loss", factor=0.1, patience=0, min_delta=1)
    model.fit(x, y, batch_size=8, epochs=4, verbose=0, callbacks=[plateau])
    assert float(opt.learning_rate) < 0.1 * 0.1 ** 2          # the callback did lower the rate
    np.testing.assert_allclose(model.layers[0].kernel.numpy(), 0.9 ** 4, rtol=1e-6)


@pytest.mark.parametrize("make", [
    lambda: SGDW(learning_rate=0.05, momentum=0.9, weight_decay=4e-5, nesterov=True),
    lambda: AdamW(learning_rate=0.001, weight_decay=1e-5, amsgrad=True, decay=0.01),
    lambda: SGDW(learning_rate=keras.optimizers.schedules.PiecewiseConstantDecay([10], [0.1, 0.01]),
                 weight_decay=keras.optimizers.schedules.PiecewiseConstantDecay([10], [1e-3, 1e-4])),
])
def test_serialisation_round_trip(make, tmp_path):
    opt = make()
    again = keras.optimizers.deserialize(keras.optimizers.serialize(opt))
    assert type(again) is type(opt)
    assert again.get_config() == opt.get_config()
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    model.compile(optimizer=opt, loss="mse")
    model.fit(np.ones((4, 3), "float32"), np.ones((4, 1), "float32"), epochs=1, verbose=0)
    model.save(tmp_path / "m.keras")
    loaded = keras.models.load_model(tmp_path / "m.keras")
    assert type(loaded.optimizer) is type(opt)
    assert loaded.optimizer.get_config() == opt.get_config()


def test_sgdw_trains_a_pruned_candidate_with_a_learning_rate_schedule():
    """The original's configs: tfa's SGDW with a LearningRateScheduler, here with DPF pruning
    (whose train step swaps the dense weights in around the optimizer update)."""
    from config import PruningConfig, TrainingConfig
    from dataset import Digits
    from model_trainer import ModelTrainer

    L = keras.layers
    inputs = keras.Input((8, 8, 1))
    x = L.Conv2D(8, 3, activation="relu", name="conv1")(inputs)
    x = L.Conv2D(16, 3, activation="relu", name="conv2")(x)
    model = keras.Model(inputs, L.Dense(10, name="classifier")(L.Flatten()(x)))
    cfg = TrainingConfig(
        dataset=Digits(), batch_size=64, epochs=4,
        optimizer=lambda: SGDW(learning_rate=0.05, momentum=0.9, weight_decay=4e-5),
        callbacks=lambda: [keras.callbacks.LearningRateScheduler(lambda e: 0.05 if e < 2 else 0.01)],
        pruning=PruningConfig(structured=False, start_pruning_at_epoch=1, finish_pruning_by_epoch=2))
    result = ModelTrainer(cfg, seed=0).train_and_eval(model, sparsity=0.5)
    assert result.ok and result.val_error < 0.3
    kernels = [model.get_layer(n).kernel.numpy() for n in ("conv1", "conv2")]
    assert sum((k == 0).sum() for k in kernels) / sum(k.size for k in kernels) == \
        pytest.approx(0.5, abs=0.01)
