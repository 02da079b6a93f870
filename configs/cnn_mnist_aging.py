"""MNIST, aging evolution: port of μNAS's ``configs/cnn_mnist_aging.py``.

MNIST, 30 epochs of SGDW (learning rate 0.005, momentum 0.9, weight decay 4e-5), no
callbacks; ``CnnSearchSpace()``; AgingEvoConfig's defaults (population 100, sample 25,
2,000 rounds); bounds: error <= 3.5 %, peak memory <= 2,500 B, model size <= 4,500 B,
MACs <= 30M.

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
    dataset=MNIST(),
    optimizer=lambda: keras.optimizers.SGD(learning_rate=0.005, momentum=0.9,
                                           weight_decay=4e-5 / 0.005),
    callbacks=lambda: [],
    epochs=30,
)

search_config = AgingEvoConfig(
    search_space=CnnSearchSpace(),
    checkpoint_dir="artifacts/cnn_mnist",
)

bound_config = BoundConfig(
    error_bound=0.035,
    peak_mem_bound=2500,
    model_size_bound=4500,
    mac_bound=30_000_000,
)
