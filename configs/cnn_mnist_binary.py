"""Binary MNIST (digit < 5 vs the rest), aging evolution: port of μNAS's binary MNIST
config.

``MNIST(binary=True)``: one output logit. MNIST training as ``cnn_mnist_aging.py``.
Bounds: error <= 1.5 % (reconstructed), MNIST's resource bounds (2,500 B peak memory,
4,500 B model size, 30M MACs).

Values are recalled from the μNAS repository (not available here to check against); those marked
"reconstructed" are best guesses. tensorflow-addons' SGDW is gone: Keras 3's SGD applies decoupled
weight decay scaled by the learning rate (w -= lr * wd * w) where SGDW applied it unscaled
(w -= wd * w), so SGDW's decay d at learning rate lr is ``weight_decay=d / lr`` here.

MNIST needs tensorflow-datasets online, or ``MNIST(data_dir=...)`` with the IDX files.
"""
import keras

from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, TrainingConfig
from dataset import MNIST
from search_algorithms import AgingEvoSearch

search_algorithm = AgingEvoSearch

training_config = TrainingConfig(
    dataset=MNIST(binary=True),
    optimizer=lambda: keras.optimizers.SGD(learning_rate=0.005, momentum=0.9,
                                           weight_decay=4e-5 / 0.005),
    callbacks=lambda: [],
    epochs=30,
)

search_config = AgingEvoConfig(
    search_space=CnnSearchSpace(),
    checkpoint_dir="artifacts/cnn_mnist_binary",
)

bound_config = BoundConfig(
    error_bound=0.015,
    peak_mem_bound=2500,
    model_size_bound=4500,
    mac_bound=30_000_000,
)
