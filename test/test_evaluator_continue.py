"""A successive-halving promotion continues training (issue 21): the evaluator starts the model
from the weights of the rung below and trains only the remaining epochs, with epoch-indexed
callbacks seeing the true epoch numbers; with pruning it trains again from scratch. Real Keras
training on Digits (seconds)."""
import keras
import numpy as np

from cnn import CnnArchitecture, CnnSearchSpace
from config import PruningConfig, TrainingConfig
from dataset import Digits
from search_algorithms.evaluator import CandidateEvaluator, _load_weights_bytes
from search_algorithms.points import Point

SPACE = CnnSearchSpace(input_shape=(8, 8, 1), num_classes=10)
ARCH = CnnArchitecture.from_dict({"search_space": "cnn", "architecture": {
    "conv_blocks": [{"is_branch": False, "layers": [
        {"type": "Conv2D", "ker_size": 3, "filters": 6, "2x_stride": False, "has_prepool": False,
         "has_bn": False, "has_relu": True}]}],
    "pooling": None, "dense_blocks": []}})
EPOCHS_SEEN = []


STARTS = []   # the candidate's weights as each fit begins


class RecordStart(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        STARTS.append([w.copy() for w in self.model.net.get_weights()])


def schedule(epoch, lr):
    EPOCHS_SEEN.append(epoch)
    return lr


def evaluator(pruning=None):
    training = TrainingConfig(dataset=Digits(), optimizer=lambda: keras.optimizers.Adam(0.01),
                              callbacks=lambda: [keras.callbacks.LearningRateScheduler(schedule),
                                                 RecordStart()],
                              batch_size=64, epochs=3, pruning=pruning)
    return CandidateEvaluator(SPACE, training, seed=1)


def test_a_promotion_continues_from_the_weights_of_the_rung_below():
    ev = evaluator()
    first, weights = ev.evaluate(Point(id=0, arch=ARCH, epochs=1, rung=0))
    assert first.ok and first.epochs_run == 1 and weights
    EPOCHS_SEEN.clear()
    promotion = Point(id=1, arch=ARCH, epochs=3, rung=1, continues=0, start_epoch=1,
                      init_weights=weights)
    second, _ = ev.evaluate(promotion)
    assert second.ok and second.epochs_run == 2
    assert EPOCHS_SEEN == [1, 2]          # the schedule sees epochs 2 and 3 (0-based 1, 2)
    expected = SPACE.to_keras_model(ARCH)
    _load_weights_bytes(expected, weights)
    start = STARTS[-1]
    assert all(np.array_equal(a, b) for a, b in zip(start, expected.get_weights()))
    # the same promotion without weights (e.g. lost) trains from fresh weights, all 3 epochs
    fresh, _ = ev.evaluate(Point(id=1, arch=ARCH, epochs=3, rung=1, continues=0, start_epoch=1))
    assert fresh.epochs_run == 3
    assert not all(np.array_equal(a, b) for a, b in zip(STARTS[-1], start))


def test_with_pruning_a_promotion_trains_again_from_scratch():
    ev = evaluator(PruningConfig(structured=False, min_sparsity=0.2, max_sparsity=0.6))
    first, weights = ev.evaluate(Point(id=0, arch=ARCH, epochs=2, rung=0, sparsity=0.4))
    assert first.ok
    second, _ = ev.evaluate(Point(id=1, arch=ARCH, epochs=3, rung=1, continues=0, start_epoch=2,
                                  sparsity=0.4, init_weights=weights))
    assert second.ok and second.epochs_run == 3
