"""MNIST, aging evolution: μNAS's ``configs/cnn_mnist_aging.py`` with the original's values.

30 epochs, batch 128, SGDW (learning rate 0.005, momentum 0.9, weight decay 4e-5), no callbacks;
the CNN search space without dropout; aging evolution with its defaults (population 100, sample
25, 2,000 rounds); bounds: error 3.5 %, peak memory 2,500 B, model size 4,500 B, 30M MACs.
Several MNIST configs derive from this one.

MNIST comes through tensorflow-datasets when online, or ``MNIST(data_dir=...)`` with the IDX files.
"""
from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, TrainingConfig
from dataset import MNIST
from optimizers import SGDW
from search_algorithms import AgingEvoSearch

search_algorithm = AgingEvoSearch

training_config = TrainingConfig(
    dataset=MNIST(),
    epochs=30,
    batch_size=128,
    optimizer=lambda: SGDW(learning_rate=0.005, momentum=0.9, weight_decay=4e-5),
    callbacks=lambda: [],
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
