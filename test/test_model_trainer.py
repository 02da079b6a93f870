"""ModelTrainer: trains a candidate on the configured dataset and scores it.

``train_and_eval`` returns a ``TrainingResult``: 1 - best validation accuracy, the final model's
test error, the epochs run and the seconds spent; the trained weights stay in the model. A candidate
that diverges or raises is a failed result with its reason, never an exception. Two classes train a
single logit with binary cross-entropy, more classes sparse categorical cross-entropy from logits.
Training is deterministic given the seed."""
import random

import keras
import numpy as np
import pytest

from config import TrainingConfig
from dataset import Digits
from model_trainer import ModelTrainer, TrainingResult

DIGITS = Digits()
DIGITS_BINARY = Digits(binary=True)


def small_cnn(num_classes=10, input_shape=(8, 8, 1), last=None):
    L = keras.layers
    inputs = keras.Input(input_shape)
    x = L.Conv2D(16, 3, padding="same", activation="relu", name="conv1")(inputs)
    x = L.Conv2D(32, 3, activation="relu", name="conv2")(x)
    x = L.Flatten()(x)
    x = L.Dense(32, activation="relu", name="dense")(x)
    outputs = L.Dense(1 if num_classes == 2 else num_classes, name="classifier")(x)
    if last is not None:
        outputs = last(outputs)
    return keras.Model(inputs, outputs)


def config(dataset=DIGITS, epochs=3, **kw):
    kw.setdefault("optimizer", lambda: keras.optimizers.Adam(3e-3))
    return TrainingConfig(dataset=dataset, batch_size=64, epochs=epochs, **kw)


def test_small_cnn_learns_digits_in_seconds():
    model = small_cnn()
    result = ModelTrainer(config(epochs=5), seed=0).train_and_eval(model)
    assert isinstance(result, TrainingResult) and result.ok and result.error is None
    assert result.val_error < 0.2 and result.test_error < 0.2          # chance is 0.9
    assert result.epochs_run == 5 and len(result.history["val_accuracy"]) == 5
    assert result.val_error == pytest.approx(1 - max(result.history["val_accuracy"]))
    assert result.pruned_weights is None
    assert result.train_seconds > 0
    # The trained weights are left in the caller's model.
    s = DIGITS.splits()
    accuracy = np.mean(np.argmax(model.predict(s.x_test, verbose=0), -1) == s.y_test)
    assert 1 - accuracy == pytest.approx(result.test_error, abs=1e-6)


def test_binary_task_trains_one_logit_with_binary_cross_entropy():
    model = small_cnn(num_classes=2)
    result = ModelTrainer(config(DIGITS_BINARY), seed=0).train_and_eval(model)
    assert result.ok and result.val_error < 0.2 and result.test_error < 0.2   # chance is ~0.5
    s = DIGITS_BINARY.splits()
    predicted = (model.predict(s.x_test, verbose=0)[:, 0] > 0).astype(int)      # a logit
    assert 1 - np.mean(predicted == s.y_test) == pytest.approx(result.test_error, abs=1e-6)


def test_logits_must_fit_the_number_of_classes():
    result = ModelTrainer(config(DIGITS_BINARY, epochs=1)).train_and_eval(small_cnn(num_classes=10))
    assert not result.ok and "10 logits" in result.error and "needs 1" in result.error


def test_class_weights_weight_the_loss():
    class ZeroWeights(Digits):                 # a weight of 0 for every class: nothing to learn
        def class_weight(self):
            return {c: 0.0 for c in range(10)}

    model = small_cnn()
    before = [w.copy() for w in model.get_weights()]
    result = ModelTrainer(config(ZeroWeights(), epochs=1, use_class_weight=True),
                          reinitialize=False).train_and_eval(model)
    assert result.ok and result.history["loss"] == [0.0]
    for b, a in zip(before, model.get_weights()):
        np.testing.assert_array_equal(a, b)
    # Balanced weights on the real data train as usual.
    weighted = ModelTrainer(config(DIGITS_BINARY, use_class_weight=True)).train_and_eval(
        small_cnn(num_classes=2))
    assert weighted.ok and weighted.val_error < 0.2


def test_a_diverging_candidate_is_reported_not_raised():
    nan_model = small_cnn(last=keras.layers.Rescaling(float("nan")))    # NaN logits
    np.random.seed(123)
    random.seed(123)
    numpy_state, python_state = np.random.get_state()[1].copy(), random.getstate()
    result = ModelTrainer(config(epochs=4), seed=5).train_and_eval(nan_model)
    assert not result.ok and result.val_error is None and result.test_error is None
    assert "nan" in result.error.lower() and "epoch 1" in result.error
    assert result.epochs_run == 1                               # stopped early
    # The caller's global random state is as it was.
    np.testing.assert_array_equal(np.random.get_state()[1], numpy_state)
    assert random.getstate() == python_state


@pytest.mark.parametrize("make_model, make_config, reason", [
    (lambda: small_cnn(input_shape=(28, 28, 1)), lambda: config(epochs=1), "ValueError"),
    (small_cnn, lambda: config(epochs=1, optimizer=lambda: 1 / 0), "ZeroDivisionError"),
])
def test_a_candidate_that_raises_is_reported_not_raised(make_model, make_config, reason):
    result = ModelTrainer(make_config()).train_and_eval(make_model())
    assert not result.ok and result.error.startswith(reason)
    assert "\n" not in result.error and len(result.error) <= 300


def test_training_is_deterministic_given_the_seed():
    def train(seed, noise_before=0):
        random.random()                         # whatever ran before must not matter
        np.random.rand(noise_before)
        model = small_cnn()
        result = ModelTrainer(config(epochs=2), seed=seed).train_and_eval(model)
        return result, model.get_weights()

    (r1, w1), (r2, w2), (r3, w3) = train(7), train(7, noise_before=5), train(8)
    assert r1.history == r2.history and (r1.val_error, r1.test_error) == (r2.val_error, r2.test_error)
    for a, b in zip(w1, w2):
        np.testing.assert_array_equal(a, b)
    assert r3.history["loss"] != r1.history["loss"]


def test_epochs_argument_overrides_the_config_and_factories_are_fresh_per_candidate():
    made = {"optimizers": [], "callbacks": 0, "epochs_seen": []}

    def optimizer():
        made["optimizers"].append(keras.optimizers.SGD(0.05))
        return made["optimizers"][-1]

    def callbacks():
        made["callbacks"] += 1
        return [keras.callbacks.LambdaCallback(
            on_epoch_end=lambda epoch, logs: made["epochs_seen"].append(epoch))]

    trainer = ModelTrainer(config(epochs=3, optimizer=optimizer, callbacks=callbacks))
    assert trainer.train_and_eval(small_cnn(), epochs=1).epochs_run == 1
    assert trainer.train_and_eval(small_cnn()).epochs_run == 3
    assert made["callbacks"] == 2 and made["epochs_seen"] == [0, 0, 1, 2]
    assert len(made["optimizers"]) == 2 and made["optimizers"][0] is not made["optimizers"][1]


def test_a_sparsity_without_a_pruning_config_is_a_programming_error():
    with pytest.raises(ValueError, match="pruning"):
        ModelTrainer(config()).train_and_eval(small_cnn(), sparsity=0.5)


def test_any_dataset_with_the_contract_views_works():
    class Views:                               # only the contract: unbatched tf.data views
        input_shape, num_classes = DIGITS.input_shape, DIGITS.num_classes
        train_dataset, validation_dataset, test_dataset = (
            DIGITS.train_dataset, DIGITS.validation_dataset, DIGITS.test_dataset)
        class_weight = DIGITS.class_weight

    result = ModelTrainer(config(Views(), use_class_weight=True)).train_and_eval(small_cnn())
    assert result.ok and result.val_error < 0.3


def test_training_leaves_no_traced_graph_behind():
    """Issue #12: each traced training step registered a ``CustomGradient-<n>`` entry (Keras's
    gradient all-reduce) in TensorFlow's global gradient registry, which held the step's whole
    graph for the life of the process. After training, neither the entries nor the graphs remain."""
    import gc

    from tensorflow.python.framework import func_graph, ops

    def traced_graphs():
        gc.collect()
        return sum(isinstance(o, func_graph.FuncGraph) for o in gc.get_objects())

    registry = ops._gradient_registry._registry
    trainer = ModelTrainer(config(epochs=1))
    assert trainer.train_and_eval(small_cnn()).ok        # whatever a first run sets up once
    names, graphs = set(registry), traced_graphs()
    for _ in range(2):
        assert trainer.train_and_eval(small_cnn()).ok
    assert [n for n in registry if n not in names] == []
    assert traced_graphs() <= graphs
