"""CIFAR-10, aging evolution: μNAS's ``configs/cnn_cifar10_aging.py``.

130 epochs, batch 128, SGDW (momentum 0.9, weight decay 1e-5) with a step schedule (learning rate
0.01, 0.005 from epoch 90, 0.001 from epoch 105); the CNN search space with dropout 0.15; aging
evolution for 6,000 rounds (population 100, sample 25); bounds: error 18 %, peak memory
75,000 B, model size 75,000 B, 30M MACs.

CIFAR-10 comes through tensorflow-datasets when online, or ``CIFAR10(data_dir=...)`` with the
python batches (``cifar-10-batches-py``).
"""
import keras

from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, TrainingConfig
from dataset import CIFAR10
from optimizers import SGDW
from search_algorithms import AgingEvoSearch


def lr_schedule(epoch):
    if epoch < 90:
        return 0.01
    if epoch < 105:
        return 0.005
    return 0.001


search_algorithm = AgingEvoSearch

training_config = TrainingConfig(
    dataset=CIFAR10(),
    optimizer=lambda: SGDW(learning_rate=0.01, momentum=0.9, weight_decay=1e-5),
    batch_size=128,
    epochs=130,
    callbacks=lambda: [keras.callbacks.LearningRateScheduler(lr_schedule)],
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
