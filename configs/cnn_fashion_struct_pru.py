"""Fashion-MNIST, aging evolution with structured pruning: port of μNAS's
``configs/cnn_fashion_struct_pru.py``.

Training as ``cnn_fashion_aging.py``, plus structured DPF pruning: each candidate's sparsity
in [0.1, 0.9], pruned from epoch 3 to epoch 18 (reconstructed); ``CnnSearchSpace(dropout=0.1)``
(reconstructed); the Fashion-MNIST bounds (error <= 10 %, 64,000 B peak memory, 64,000 B model
size, 30M MACs).

Values are recalled from the μNAS repository (not available here to check against); those marked
"reconstructed" are best guesses. tensorflow-addons' SGDW is gone: Keras 3's SGD applies decoupled
weight decay scaled by the learning rate (w -= lr * wd * w) where SGDW applied it unscaled
(w -= wd * w), so SGDW's decay d at learning rate lr is ``weight_decay=d / lr`` here.

Fashion-MNIST is read from ``/usr/share/datasets/fashion-mnist`` (Debian's
``dataset-fashion-mnist``), else through tensorflow-datasets.
"""
import keras

from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, PruningConfig, TrainingConfig
from dataset import FashionMNIST
from search_algorithms import AgingEvoSearch

search_algorithm = AgingEvoSearch

training_config = TrainingConfig(
    dataset=FashionMNIST(),
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
    checkpoint_dir="artifacts/cnn_fashion_struct_pru",
)

bound_config = BoundConfig(
    error_bound=0.10,
    peak_mem_bound=64_000,
    model_size_bound=64_000,
    mac_bound=30_000_000,
)
