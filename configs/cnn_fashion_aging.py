"""Fashion-MNIST, aging evolution: port of μNAS's ``configs/cnn_fashion_aging.py``.

Fashion-MNIST, 30 epochs of SGDW (learning rate 0.005, momentum 0.9, weight decay 4e-5);
``CnnSearchSpace()``; AgingEvoConfig's defaults (population 100, sample 25, 2,000 rounds);
bounds: error <= 10 %, peak memory <= 64,000 B, model size <= 64,000 B, MACs <= 30M.
For a CPU-sized version see ``cnn_fashion_aging_cpu.py``.

Values are recalled from the μNAS repository (not available here to check against); those marked
"reconstructed" are best guesses. tensorflow-addons' SGDW is gone: Keras 3's SGD applies decoupled
weight decay scaled by the learning rate (w -= lr * wd * w) where SGDW applied it unscaled
(w -= wd * w), so SGDW's decay d at learning rate lr is ``weight_decay=d / lr`` here.

Fashion-MNIST is read from ``/usr/share/datasets/fashion-mnist`` (Debian's
``dataset-fashion-mnist``), else through tensorflow-datasets.
"""
import keras

from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, TrainingConfig
from dataset import FashionMNIST
from search_algorithms import AgingEvoSearch

search_algorithm = AgingEvoSearch

training_config = TrainingConfig(
    dataset=FashionMNIST(),
    optimizer=lambda: keras.optimizers.SGD(learning_rate=0.005, momentum=0.9,
                                           weight_decay=4e-5 / 0.005),
    callbacks=lambda: [],
    epochs=30,
)

search_config = AgingEvoConfig(
    search_space=CnnSearchSpace(),
    checkpoint_dir="artifacts/cnn_fashion",
)

bound_config = BoundConfig(
    error_bound=0.10,
    peak_mem_bound=64_000,
    model_size_bound=64_000,
    mac_bound=30_000_000,
)
