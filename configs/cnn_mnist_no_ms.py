"""MNIST, aging evolution, model size not optimised: port of μNAS's
``configs/cnn_mnist_no_ms.py`` (the paper's ablation).

As ``cnn_mnist_aging.py`` with ``model_size_bound=None``: the model size objective is
ignored by the fitness and by the in-bounds test. Other bounds: error <= 3.5 %, peak memory
<= 2,500 B, MACs <= 30M.

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
    checkpoint_dir="artifacts/cnn_mnist_no_ms",
)

bound_config = BoundConfig(
    error_bound=0.035,
    peak_mem_bound=2500,
    model_size_bound=None,
    mac_bound=30_000_000,
)
