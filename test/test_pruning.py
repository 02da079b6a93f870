"""Dynamic Model Pruning with Feedback, as μNAS ran it.

Per-epoch cubic sparsity over 0-based epochs start-1 .. finish-1; masks recomputed from the dense
weights every 16 batches of those epochs (the batch count restarting each epoch) and frozen after
them; one global threshold (np.quantile of all scores; scores >= threshold kept) over weight
magnitudes (unstructured) or over the channel L2 norms of all prunable kernels (structured). The
classifier is never pruned; structured pruning skips single-channel kernels (depthwise) and layers
fed by the input, and prunes layers feeding an Add. The forward/backward pass sees the masked
weights while the optimizer updates the dense ones; each validation writes the masks into the dense
weights (μNAS; ``keep_dense_weights`` keeps them); biases stay (``prune_biases`` zeroes them).
Validation is scored from 0-based epoch ``finish`` on."""
import keras
import numpy as np
import pytest
import tensorflow as tf

from cnn import CnnArchitecture, CnnSearchSpace
from config import PruningConfig, TrainingConfig
from dataset import Digits
from model_trainer import CandidateModel, ModelTrainer
from pruning import (MASK_UPDATE_STEPS, DPFPruner, epoch_sparsity, make_schedule_callback,
                     prunable_layers, structured_masks, unstructured_masks)

DIGITS = Digits()
L = keras.layers


def small_cnn(bias_initializer="zeros"):
    inputs = keras.Input((8, 8, 1))
    x = L.Conv2D(16, 3, padding="same", activation="relu", name="conv1")(inputs)
    x = L.Conv2D(32, 3, activation="relu", name="conv2", bias_initializer=bias_initializer)(x)
    x = L.Flatten()(x)
    x = L.Dense(32, activation="relu", name="dense", bias_initializer=bias_initializer)(x)
    return keras.Model(inputs, L.Dense(10, name="classifier")(x))


def pruning_config(structured, epochs=4, start=1, finish=2, callbacks=lambda: [], **kw):
    return TrainingConfig(
        dataset=DIGITS, batch_size=64, epochs=epochs, callbacks=callbacks,
        optimizer=lambda: keras.optimizers.Adam(3e-3),
        pruning=PruningConfig(structured=structured, start_pruning_at_epoch=start,
                              finish_pruning_by_epoch=finish, **kw))


# --- the schedule and the masks ----------------------------------------------------------------------
def test_per_epoch_cubic_schedule():
    # start=3, finish=18: 0-based epochs 2..17, from 0 to the target.
    s = [epoch_sparsity(e, 0.8, 3, 18) for e in range(25)]
    assert s[:2] == [None, None] and s[18:] == [None] * 7          # masks untouched outside
    assert s[2] == 0.0 and s[17] == pytest.approx(0.8)
    assert s[7] == pytest.approx(0.8 * (1 - (1 - 5 / 15) ** 3))
    assert all(a < b for a, b in zip(s[2:18], s[3:18]))
    # start=0: the window opens "before" epoch 0, so epoch 0 already prunes.
    assert epoch_sparsity(0, 0.5, 0, 2) == pytest.approx(0.5 * (1 - (1 - 1 / 2) ** 3))
    assert MASK_UPDATE_STEPS == 16


def test_unstructured_masks_use_one_global_quantile():
    small, large = np.full((4, 5), 0.1), np.linspace(1, 2, 30).reshape(5, 6)
    m_small, m_large = unstructured_masks([small, large], 0.4)
    # np.quantile of the 50 magnitudes at 0.4 lies between 0.1 and 1: the small layer goes entirely.
    assert m_small.shape == small.shape and not m_small.any() and m_large.all()
    (m,) = unstructured_masks([large], 0.5)
    np.testing.assert_array_equal(m.ravel(), np.arange(30) >= 15)
    threshold = np.quantile(np.abs(large), 0.3)
    np.testing.assert_array_equal(unstructured_masks([large], 0.3)[0], np.abs(large) >= threshold)


def test_structured_masks_use_one_global_threshold_over_channel_norms():
    conv = np.ones((3, 3, 2, 4)) * np.array([1.0, 0.1, 2.0, 0.2])     # norms 4.24 x (1, .1, 2, .2)
    dense = np.ones((10, 6)) * np.arange(1, 7)                       # norms 3.16 x (1..6)
    norms = np.concatenate([np.sqrt(18) * np.array([1.0, 0.1, 2.0, 0.2]),
                            np.sqrt(10) * np.arange(1, 7)])
    threshold = np.quantile(norms, 0.5)
    m_conv, m_dense = structured_masks([conv, dense], 0.5)
    np.testing.assert_array_equal(np.concatenate([m_conv, m_dense]), norms >= threshold)
    assert m_conv.sum() + m_dense.sum() == 5
    # Not per layer: a layer whose channels are all weak loses them all.
    (weak, strong) = structured_masks([conv * 0.01, dense], 0.4)
    assert not weak.any() and strong.all()


def branchy_model():
    inputs = keras.Input((8, 8, 3))
    stem = L.Conv2D(8, 3, padding="same", name="stem")(inputs)
    a = L.Conv2D(8, 3, padding="same", name="a")(stem)
    b = L.ReLU()(L.BatchNormalization()(L.Conv2D(8, 1, name="b")(stem)))
    c = L.DepthwiseConv2D(3, padding="same", name="dw")(L.Conv2D(8, 1, name="c")(stem))
    x = L.Add()([a, b, c])
    x = L.Conv2D(4, 3, name="after_add")(x)
    x = L.Dense(6, name="dense")(L.Flatten()(x))
    return keras.Model(inputs, L.Dense(3, name="classifier")(x))


def test_prunable_layers():
    model = branchy_model()
    names = lambda layers: sorted(l.name for l in layers)
    # Unstructured: every conv/dense kernel (depthwise too) but the classifier's.
    assert names(prunable_layers(model)) == ["a", "after_add", "b", "c", "dense", "dw", "stem"]
    # Structured: not the layer fed by the input, not depthwise (one channel per kernel slice);
    # the layers feeding the Add are pruned.
    assert names(prunable_layers(model, structured=True)) == ["a", "after_add", "b", "c", "dense"]
    for structured, expected in ((False, 7), (True, 5)):
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


def tiny_data(n=40 * 8, seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, 3)).astype("float32"), rng.integers(0, 2, n)


def mlp():
    inputs = keras.Input((3,))
    h = L.Dense(16, name="hidden", activation="relu")(inputs)
    h = L.Dense(16, name="hidden2", activation="relu")(h)
    return keras.Model(inputs, L.Dense(2, name="classifier")(h))


@pytest.mark.parametrize("keep", [False, True])
def test_masks_follow_the_schedule_and_validation_resets_the_pruned_dense_weights(keep):
    """40 batches per epoch, start=2, finish=4 (0-based epochs 1..3), 6 epochs."""
    model = mlp()
    pruner = DPFPruner(model, target_sparsity=0.6)
    calls, dense_at_epoch_end = [], []
    original = pruner.update_masks

    def recording(sparsity):
        calls.append((seen["epoch"], seen["batch"], sparsity))
        original(sparsity)

    pruner.update_masks = recording
    seen = {}

    class Where(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            seen["epoch"] = epoch

        def on_train_batch_begin(self, batch, logs=None):
            seen["batch"] = batch

        def on_epoch_end(self, epoch, logs=None):       # after the validation
            dense_at_epoch_end.append([(d.numpy().copy(), m.numpy().copy())
                                       for d, m in zip(pruner._dense, pruner._masks)])

    net = CandidateModel(model, pruner=pruner)
    net.compile(optimizer=keras.optimizers.SGD(0.05, momentum=0.9),
                loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    x, y = tiny_data()
    schedule = make_schedule_callback(pruner, 2, 4, keep_dense_weights=keep)
    net.fit(x, y, batch_size=8, epochs=6, validation_data=(x[:16], y[:16]), shuffle=False,
            verbose=0, callbacks=[Where(), schedule])   # Where runs first: it sets epoch/batch

    expected = [(e, b, pytest.approx(epoch_sparsity(e, 0.6, 2, 4)))
                for e in (1, 2, 3) for b in (0, 16, 32)]
    assert calls == expected
    # Frozen after the last pruning epoch: the masks of epochs 3, 4, 5 are the same.
    masks = [[m for _, m in epoch] for epoch in dense_at_epoch_end]
    for later in masks[4:]:
        for a, b in zip(masks[3], later):
            np.testing.assert_array_equal(a, b)
    kernels = np.concatenate([m.ravel() for m in masks[5]])
    assert (kernels == 0).mean() == pytest.approx(0.6, abs=0.01)
    # μNAS: at each validation the dense copies of the pruned weights become 0; DPF keeps them.
    for epoch in dense_at_epoch_end[2:]:
        pruned_dense = np.concatenate([d[m == 0] for d, m in epoch])
        assert pruned_dense.size > 0
        assert (pruned_dense != 0).any() if keep else (pruned_dense == 0).all()


# --- training on Digits ------------------------------------------------------------------------------
def zero_fraction(kernels):
    return sum((k == 0).sum() for k in kernels) / sum(k.size for k in kernels)


def test_unstructured_pruning_reaches_target_sparsity():
    model = small_cnn()
    result = ModelTrainer(pruning_config(structured=False), seed=0).train_and_eval(model, sparsity=0.5)
    assert result.ok and result.val_error < 0.3
    assert sorted(result.pruned_weights) == ["conv1", "conv2", "dense"]
    kernels = [model.get_layer(n).kernel.numpy() for n in ("conv1", "conv2", "dense")]
    assert zero_fraction(kernels) == pytest.approx(0.5, abs=0.01)
    for name, kernel in zip(("conv1", "conv2", "dense"), kernels):      # the model ends masked
        np.testing.assert_array_equal(result.pruned_weights[name], kernel)
    assert (model.get_layer("classifier").kernel.numpy() != 0).all()
    # finish=2: 0-based epoch 1 prunes last; validation counts from epoch 2 on (as μNAS).
    assert result.val_error == pytest.approx(1 - max(result.history["val_accuracy"][2:]))


@pytest.mark.parametrize("prune_biases", [False, True])
def test_structured_pruning_drops_the_weakest_channels_over_all_layers(prune_biases):
    model = small_cnn(keras.initializers.Constant(0.05))   # a ReLU channel with bias 0 stays at 0
    cfg = pruning_config(structured=True, prune_biases=prune_biases)
    result = ModelTrainer(cfg, seed=0).train_and_eval(model, sparsity=0.5)
    assert result.ok       # (accuracy not checked: a global threshold may empty a whole layer)
    # conv1 reads the input: left alone, as μNAS's structured predicate does.
    assert sorted(result.pruned_weights) == ["conv2", "dense"]
    assert (model.get_layer("conv1").kernel.numpy() != 0).all()
    dead_total = 0
    for name, channels in (("conv2", 32), ("dense", 32)):
        layer = model.get_layer(name)
        kernel = layer.kernel.numpy().reshape(-1, channels)
        dead = np.all(kernel == 0, axis=0)
        assert (kernel[:, ~dead] != 0).all()                            # whole channels only
        dead_total += dead.sum()
        bias = layer.bias.numpy()[dead]
        assert (bias == 0).all() if prune_biases else (bias != 0).all()
    assert dead_total == 32                                             # half of 64, globally


def test_validation_is_scored_from_epoch_finish_on():
    """finish=2: μNAS scores 0-based epochs 2, 3 (history[finish:]), not the last pruning epoch."""
    class FixedAccuracy(keras.callbacks.Callback):            # runs before History records
        def on_epoch_end(self, epoch, logs=None):
            logs["val_accuracy"] = [0.1, 0.9, 0.3, 0.2][epoch]

    cfg = pruning_config(structured=False, callbacks=lambda: [FixedAccuracy()])
    result = ModelTrainer(cfg).train_and_eval(small_cnn(), sparsity=0.5)
    assert result.history["val_accuracy"] == [0.1, 0.9, 0.3, 0.2]
    assert result.val_error == pytest.approx(1 - 0.3)
    no_pruning = ModelTrainer(cfg).train_and_eval(small_cnn(), sparsity=0.0)
    assert no_pruning.val_error == pytest.approx(1 - 0.9)


def test_no_sparsity_means_no_pruning():
    result = ModelTrainer(pruning_config(structured=False, epochs=1, start=0, finish=1)) \
        .train_and_eval(small_cnn(), sparsity=0.0)
    assert result.ok and result.pruned_weights is None


def test_stopping_before_the_scored_epochs_is_a_failure():
    class StopAfterSecondEpoch(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            self.model.stop_training = epoch == 1

    cfg = pruning_config(structured=False, callbacks=lambda: [StopAfterSecondEpoch()])
    result = ModelTrainer(cfg).train_and_eval(small_cnn(), sparsity=0.5)
    assert not result.ok and "before the first epoch scored after pruning (epoch 3)" in result.error


def test_a_schedule_longer_than_training_ends_before_the_last_epoch():
    from model_trainer import pruning_window
    assert pruning_window(PruningConfig(start_pruning_at_epoch=3, finish_pruning_by_epoch=18), 30) \
        == (3, 18)
    assert pruning_window(PruningConfig(start_pruning_at_epoch=3, finish_pruning_by_epoch=18), 6) \
        == (3, 5)
    assert pruning_window(PruningConfig(start_pruning_at_epoch=1), 4) == (1, 3)


# --- the resource graph of the pruned model ------------------------------------------------------
def test_pruned_cnn_resource_graph_is_smaller():
    from resource_models.models import macs, model_size

    space = CnnSearchSpace(input_shape=(8, 8, 1), num_classes=10)
    conv = lambda filters: {"type": "Conv2D", "ker_size": 3, "filters": filters, "2x_stride": False,
                            "has_prepool": False, "has_bn": False, "has_relu": True}
    arch = CnnArchitecture.from_dict({"search_space": "cnn", "architecture": {
        "conv_blocks": [{"is_branch": False, "layers": [conv(8), conv(16)]}],
        "pooling": None, "dense_blocks": [{"units": 32, "activation": "relu"}]}})
    ops = lambda graph: {op.name: op for op in graph.operators}
    full = space.to_resource_graph(arch)

    model = space.to_keras_model(arch)
    structured = ModelTrainer(pruning_config(structured=True, epochs=3, start=0, finish=2)) \
        .train_and_eval(model, sparsity=0.5)
    assert structured.ok and len(structured.pruned_weights) == 2      # 2nd conv and dense
    pruned = space.to_resource_graph(arch, pruned_weights=structured.pruned_weights)
    live = {name: int(np.any(k.reshape(-1, k.shape[-1]) != 0, axis=0).sum())
            for name, k in structured.pruned_weights.items()}
    sizes = {name: getattr(ops(pruned)[name], "filters", None) or ops(pruned)[name].units
             for name in live}
    # A layer left with no channel keeps one in the graph (as μNAS: max(units, 1)).
    assert sizes == {name: max(n, 1) for name, n in live.items()}
    assert sum(live.values()) == 24                                   # half of 16 + 32, globally
    assert model_size(pruned) < model_size(full) and macs(pruned) < macs(full)

    model = space.to_keras_model(arch)
    unstructured = ModelTrainer(pruning_config(structured=False, epochs=3, start=0, finish=2)) \
        .train_and_eval(model, sparsity=0.5)
    sparse = space.to_resource_graph(arch, pruned_weights=unstructured.pruned_weights)
    assert model_size(sparse, sparse=True) < 0.6 * model_size(full)
