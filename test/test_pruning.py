"""Dynamic Model Pruning with Feedback.

Sparsity follows a cubic schedule from start_pruning_at_epoch to finish_pruning_by_epoch; masks are
recomputed every 16 steps; the forward/backward pass sees the masked weights while the optimizer
updates the dense ones; the model ends training masked. Unstructured pruning uses one global
magnitude threshold over all prunable kernels; structured pruning drops each prunable layer's output
channels of smallest L2 norm. The classifier is never pruned, nor (structured) depthwise kernels and
channels an Add ties together. The pruned kernels make the resource graph smaller."""
import keras
import numpy as np
import pytest
import tensorflow as tf

from config import PruningConfig, TrainingConfig
from dataset import Digits
from model_trainer import CandidateModel, ModelTrainer
from pruning import (MASK_UPDATE_STEPS, DPFPruner, cubic_sparsity, prunable_layers,
                     structured_masks, unstructured_masks)

DIGITS = Digits()
L = keras.layers


def small_cnn():
    inputs = keras.Input((8, 8, 1))
    x = L.Conv2D(16, 3, padding="same", activation="relu", name="conv1")(inputs)
    x = L.Conv2D(32, 3, activation="relu", name="conv2")(x)
    x = L.Flatten()(x)
    x = L.Dense(32, activation="relu", name="dense")(x)
    return keras.Model(inputs, L.Dense(10, name="classifier")(x))


def pruning_config(structured, epochs=4, start=1, finish=3, callbacks=lambda: []):
    return TrainingConfig(
        dataset=DIGITS, batch_size=64, epochs=epochs, callbacks=callbacks,
        optimizer=lambda: keras.optimizers.Adam(3e-3),
        pruning=PruningConfig(structured=structured, start_pruning_at_epoch=start,
                              finish_pruning_by_epoch=finish))


# --- the schedule and the masks ----------------------------------------------------------------------
def test_cubic_schedule():
    s = [cubic_sparsity(e, 0.8, start=2, finish=6) for e in np.linspace(0, 8, 33)]
    assert s[:9] == [0.0] * 9 and s[24:] == [0.8] * 9            # 0 until epoch 2, 0.8 from 6
    assert all(a <= b for a, b in zip(s, s[1:]))
    assert cubic_sparsity(4, 0.8, 2, 6) == pytest.approx(0.8 * (1 - 0.5 ** 3))
    assert MASK_UPDATE_STEPS == 16


def test_unstructured_masks_use_one_global_threshold():
    small, large = np.full((4, 5), 0.1), np.linspace(1, 2, 30).reshape(5, 6)
    m_small, m_large = unstructured_masks([small, large], 0.4)       # 20 of 50 weights go
    assert m_small.shape == small.shape and m_large.shape == large.shape
    assert m_small.sum() == 1 and m_large.all()      # smallest magnitudes go first, across layers,
    (m,) = unstructured_masks([large], 0.5)          # but a layer always keeps its largest weight
    np.testing.assert_array_equal(m.ravel(), np.arange(30) >= 15)


def test_structured_masks_drop_each_layers_weakest_channels():
    conv = np.ones((3, 3, 2, 4)) * np.array([1.0, 0.1, 2.0, 0.2])     # channel norms 1, .1, 2, .2
    dense = np.ones((10, 6)) * np.arange(1, 7)
    m_conv, m_dense = structured_masks([conv, dense], 0.5)
    np.testing.assert_array_equal(m_conv, [True, False, True, False])
    np.testing.assert_array_equal(m_dense, [False] * 3 + [True] * 3)
    (almost_all,) = structured_masks([conv], 0.99)
    assert almost_all.sum() == 1                     # a layer always keeps one channel


def branchy_model():
    inputs = keras.Input((8, 8, 3))
    a = L.Conv2D(8, 3, padding="same", name="a")(inputs)
    b = L.ReLU()(L.BatchNormalization()(L.Conv2D(8, 1, name="b")(inputs)))
    c = L.DepthwiseConv2D(3, padding="same", name="dw")(L.Conv2D(8, 1, name="c")(inputs))
    x = L.Add()([a, b, c])
    x = L.Conv2D(4, 3, name="after_add")(x)
    x = L.Dense(6, name="dense")(L.Flatten()(x))
    return keras.Model(inputs, L.Dense(3, name="classifier")(x))


def test_prunable_layers():
    model = branchy_model()
    names = lambda layers: sorted(l.name for l in layers)
    # Unstructured: every conv/dense kernel but the classifier's.
    assert names(prunable_layers(model)) == ["a", "after_add", "b", "c", "dense", "dw"]
    # Structured: not depthwise kernels, nor layers whose channels meet in the Add (also through
    # batch norm, activations and depthwise convolutions).
    assert names(prunable_layers(model, structured=True)) == ["after_add", "dense"]
    for structured, expected in ((False, 6), (True, 2)):
        pruner = DPFPruner(model, 0.5, structured=structured)
        pruner.update_masks(0.5)
        kernels = pruner.pruned_weights()
        assert len(kernels) == expected and kernels["dense"].shape == (6 * 6 * 4, 6)
        if not structured:
            assert kernels["dw"].shape == (3, 3, 8, 1) and 0 < (kernels["dw"] == 0).sum()


# --- the DPF update ------------------------------------------------------------------------------
def test_gradient_at_masked_weights_updates_dense_weights():
    inputs = keras.Input((3,))
    h = L.Dense(4, use_bias=False, name="hidden")(inputs)
    model = keras.Model(inputs, L.Dense(2, name="classifier")(h))
    pruner = DPFPruner(model, target_sparsity=0.5)
    pruner.update_masks(0.5)
    kernel = model.get_layer("hidden").kernel
    dense_before, mask = pruner._dense[0].numpy(), pruner._masks[0].numpy()
    assert (mask == 0).sum() == 6 and np.array_equal(kernel.numpy(), dense_before * mask)

    x, y = np.random.default_rng(0).normal(size=(5, 3)).astype("float32"), np.array([0, 1, 1, 0, 1])
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    with tf.GradientTape() as tape:
        expected_grad = tape.gradient(loss_fn(y, model(x)), kernel.value)    # at masked weights
    net = CandidateModel(model, pruner=pruner)
    net.compile(optimizer=keras.optimizers.SGD(0.5), loss=loss_fn)
    net.train_on_batch(x, y)

    dense_after = pruner._dense[0].numpy()
    np.testing.assert_allclose(dense_after, dense_before - 0.5 * expected_grad.numpy(), atol=1e-6)
    assert np.all(dense_after[mask == 0] != dense_before[mask == 0])   # feedback to pruned weights
    np.testing.assert_array_equal(kernel.numpy(), dense_after * mask)   # the model stays masked


# --- training on Digits ------------------------------------------------------------------------------
def test_unstructured_pruning_reaches_target_sparsity():
    model = small_cnn()
    result = ModelTrainer(pruning_config(structured=False), seed=0).train_and_eval(model, sparsity=0.5)
    assert result.ok and result.val_error < 0.3
    assert sorted(result.pruned_weights) == ["conv1", "conv2", "dense"]
    kernels = [model.get_layer(n).kernel.numpy() for n in ("conv1", "conv2", "dense")]
    zeros = sum((k == 0).sum() for k in kernels) / sum(k.size for k in kernels)
    assert zeros == pytest.approx(0.5, abs=0.02)
    for name, kernel in zip(("conv1", "conv2", "dense"), kernels):      # the model ends masked
        np.testing.assert_array_equal(result.pruned_weights[name], kernel)
    assert (model.get_layer("classifier").kernel.numpy() != 0).all()
    # Validation counts from the epoch pruning finishes (finish=3: the 3rd epoch) on.
    assert result.val_error == pytest.approx(1 - max(result.history["val_accuracy"][2:]))


def test_structured_pruning_zeroes_half_the_channels_of_each_layer():
    model = small_cnn()
    result = ModelTrainer(pruning_config(structured=True), seed=0).train_and_eval(model, sparsity=0.5)
    assert result.ok and result.val_error < 0.5
    for name, channels in (("conv1", 16), ("conv2", 32), ("dense", 32)):
        layer = model.get_layer(name)
        kernel = layer.kernel.numpy()
        dead = np.all(kernel.reshape(-1, channels) == 0, axis=0)
        assert dead.sum() == channels // 2
        assert (layer.bias.numpy()[dead] == 0).all()                    # the channel outputs 0
        assert (kernel.reshape(-1, channels)[:, ~dead] != 0).any(axis=0).all()


def test_no_sparsity_means_no_pruning():
    result = ModelTrainer(pruning_config(structured=False, epochs=1, start=0, finish=1)) \
        .train_and_eval(small_cnn(), sparsity=0.0)
    assert result.ok and result.pruned_weights is None


def test_stopping_before_pruning_finishes_is_a_failure():
    class StopAfterFirstEpoch(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            self.model.stop_training = True

    cfg = pruning_config(structured=False, callbacks=lambda: [StopAfterFirstEpoch()])
    result = ModelTrainer(cfg).train_and_eval(small_cnn(), sparsity=0.5)
    assert not result.ok and "before pruning reached its target" in result.error


# --- the resource graph of the pruned model ------------------------------------------------------
def test_pruned_cnn_resource_graph_is_smaller():
    import cnn
    from resource_models.models import macs, model_size

    space = cnn.CnnSearchSpace(input_shape=(8, 8, 1), num_classes=10)
    arch = cnn.CnnArchitecture.from_dict({"search_space": "cnn", "architecture": {
        "conv_blocks": [{"is_branch": False, "layers": [
            {"type": "Conv2D", "ker_size": 3, "filters": 16, "2x_stride": False,
             "has_prepool": False, "has_bn": False, "has_relu": True}]}],
        "pooling": None, "dense_blocks": [{"units": 32, "activation": "relu"}]}})
    ops = lambda graph: {op.name: op for op in graph.operators}
    full = space.to_resource_graph(arch)

    model = space.to_keras_model(arch)
    structured = ModelTrainer(pruning_config(structured=True, epochs=2, start=0, finish=1)) \
        .train_and_eval(model, sparsity=0.5)
    assert structured.ok and set(structured.pruned_weights) == {"conv2d", "dense"}
    pruned = space.to_resource_graph(arch, pruned_weights=structured.pruned_weights)
    assert (ops(full)["conv2d"].filters, ops(pruned)["conv2d"].filters) == (16, 8)
    assert (ops(full)["dense"].units, ops(pruned)["dense"].units) == (32, 16)
    assert model_size(pruned) < 0.5 * model_size(full) and macs(pruned) < 0.6 * macs(full)

    model = space.to_keras_model(arch)
    unstructured = ModelTrainer(pruning_config(structured=False, epochs=2, start=0, finish=1)) \
        .train_and_eval(model, sparsity=0.5)
    sparse = space.to_resource_graph(arch, pruned_weights=unstructured.pruned_weights)
    assert model_size(sparse, sparse=True) < 0.6 * model_size(full)
