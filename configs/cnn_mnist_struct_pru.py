"""MNIST, aging evolution with structured pruning: port of μNAS's
``configs/cnn_mnist_struct_pru.py``.

MNIST training as ``cnn_mnist_aging.py``, plus structured DPF pruning: each candidate's
sparsity in [0.1, 0.9], pruned from epoch 3 to epoch 18; ``CnnSearchSpace(dropout=0.1)``;
500 rounds; MNIST's bounds (error <= 3.5 %, 2,500 B peak memory, 4,500 B model size, 30M MACs).
Reconstructed: the pruning schedule and the dropout.

Values are recalled from the μNAS repository (not available here to check against); those marked
"reconstructed" are best guesses. tensorflow-addons' SGDW is gone: Keras 3's SGD applies decoupled
weight decay scaled by the learning rate (w -= lr * wd * w) where SGDW applied it unscaled
(w -= wd * w), so SGDW's decay d at learning rate lr is ``weight_decay=d / lr`` here.

MNIST needs tensorflow-datasets online, or ``MNIST(data_dir=...)`` with the IDX files.
"""
import keras

from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, PruningConfig, TrainingConfig
from dataset import MNIST
from search_algorithms import AgingEvoSearch

search_algorithm = AgingEvoSearch

training_config = TrainingConfig(
    dataset=MNIST(),
    optimizer=lambda: keras.optimizers.SGD(learning_rate=0.005, momentum=0.9,
                                           weight_decay=4e-5 / 0.005),
    callbacks=lambda: [],
    epochs=30,
    pruning=PruningConfig(
        structured=True,
        start_pruning_at_epoch=3,
        finish_pruning_by_epoch=18,
        min_sparsity=0.1,
        max_sparsity=0.9,
    ),
)

search_config = AgingEvoConfig(
    search_space=CnnSearchSpace(dropout=0.1),
    rounds=500,
    checkpoint_dir="artifacts/cnn_mnist_struct_pru",
)

bound_config = BoundConfig(
    error_bound=0.035,
    peak_mem_bound=2500,
    model_size_bound=4500,
    mac_bound=30_000_000,
)
