"""Binary CIFAR-10 (vehicles vs animals), aging evolution: port of μNAS's binary CIFAR-10
config.

``CIFAR10(binary=True)``: one output logit. Training as ``cnn_cifar10_aging.py``. Bounds:
error <= 10 % (reconstructed), CIFAR-10's resource bounds (75,000 B peak memory, 75,000 B model
size, 30M MACs).

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
    dataset=CIFAR10(binary=True),
    optimizer=lambda: keras.optimizers.SGD(learning_rate=0.01, momentum=0.9,
                                           weight_decay=1e-5 / 0.01),
    callbacks=lambda: [keras.callbacks.LearningRateScheduler(lr_schedule)],
    epochs=130,
)

search_config = AgingEvoConfig(
    search_space=CnnSearchSpace(dropout=0.15),
    rounds=6000,
    checkpoint_dir="artifacts/cnn_cifar10_binary",
)

bound_config = BoundConfig(
    error_bound=0.10,
    peak_mem_bound=75_000,
    model_size_bound=75_000,
    mac_bound=30_000_000,
)
