"""Binary CIFAR-10, aging evolution: μNAS's ``configs/cnn_cifar10_binary.py``.

``CIFAR10(binary=True)`` (one output logit), 80 epochs, batch 128, SGDW (learning rate 0.01,
momentum 0.9, weight decay 1e-5) at a constant learning rate: the original defines a step
schedule in this file but passes no callbacks, so none is applied here either. The CNN search
space without dropout; aging evolution with its defaults (population 100, sample 25, 2,000
rounds); bounds: error 30 %, peak memory 3,000 B, model size 2,000 B, 1M MACs.
"""
from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, TrainingConfig
from dataset import CIFAR10
from optimizers import SGDW
from search_algorithms import AgingEvoSearch

search_algorithm = AgingEvoSearch

training_config = TrainingConfig(
    dataset=CIFAR10(binary=True),
    optimizer=lambda: SGDW(learning_rate=0.01, momentum=0.9, weight_decay=1e-5),
    batch_size=128,
    epochs=80,
    callbacks=lambda: [],
)

search_config = AgingEvoConfig(
    search_space=CnnSearchSpace(),
    checkpoint_dir="artifacts/cnn_cifar10",
)

bound_config = BoundConfig(
    error_bound=0.3,
    peak_mem_bound=3000,
    model_size_bound=2000,
    mac_bound=1_000_000,
)
