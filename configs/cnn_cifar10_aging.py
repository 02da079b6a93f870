"""CIFAR-10, aging evolution: port of μNAS's ``configs/cnn_cifar10_aging.py``.

CIFAR-10, batch 128, 130 epochs of SGDW (learning rate 0.01 stepped down to 0.005 at epoch 90
and 0.001 at epoch 105, momentum 0.9, weight decay 1e-5); ``CnnSearchSpace(dropout=0.15)``;
6,000 rounds; bounds: error <= 18 %, peak memory <= 75,000 B, model size <= 75,000 B,
MACs <= 30M. Reconstructed: the step epochs and the error bound.

Values are recalled from the μNAS repository (not available here to check against); those marked
"reconstructed" are best guesses. tensorflow-addons' SGDW is gone: Keras 3's SGD applies decoupled
weight decay scaled by the learning rate (w -= lr * wd * w) where SGDW applied it unscaled
(w -= wd * w), so SGDW's decay d at learning rate lr is ``weight_decay=d / lr`` here.

CIFAR-10 needs tensorflow-datasets online, or ``CIFAR10(data_dir=...)`` with the python
batches (``cifar-10-batches-py``).
"""
import keras

from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, TrainingConfig
from dataset import CIFAR10
from search_algorithms import AgingEvoSearch


def lr_schedule(epoch):
    """The seed's step schedule: 0.01, then 0.005 from epoch 90, 0.001 from epoch 105."""
    if epoch < 90:
        return 0.01
    if epoch < 105:
        return 0.005
    return 0.001


search_algorithm = AgingEvoSearch

training_config = TrainingConfig(
    dataset=CIFAR10(),
    optimizer=lambda: keras.optimizers.SGD(learning_rate=0.01, momentum=0.9,
                                           weight_decay=1e-5 / 0.01),
    callbacks=lambda: [keras.callbacks.LearningRateScheduler(lr_schedule)],
    epochs=130,
)

search_config = AgingEvoConfig(
    search_space=CnnSearchSpace(dropout=0.15),
    rounds=6000,
    checkpoint_dir="artifacts/cnn_cifar10",
)

bound_config = BoundConfig(
    error_bound=0.18,
    peak_mem_bound=75_000,
    model_size_bound=75_000,
    mac_bound=30_000_000,
)
