"""Fashion-MNIST, aging evolution: μNAS's ``configs/cnn_fashion_aging.py``.

45 epochs, batch 128, SGDW (momentum 0.9, weight decay 1e-5) with a step schedule (learning rate
0.01, 0.005 from epoch 25, 0.001 from epoch 35); the CNN search space with dropout 0.15; aging
evolution with its defaults (population 100, sample 25, 2,000 rounds); bounds: error 10 %, peak
memory 64,000 B, model size 64,000 B, 30M MACs. For a budget a CPU can afford see this project's
``cnn_fashion_aging_cpu.py``.

Fashion-MNIST is read from ``/usr/share/datasets/fashion-mnist`` (Debian's
``dataset-fashion-mnist``), else through tensorflow-datasets.
"""
import keras

from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, TrainingConfig
from dataset import FashionMNIST
from optimizers import SGDW
from search_algorithms import AgingEvoSearch

search_algorithm = AgingEvoSearch


def lr_schedule(epoch):
    if epoch < 25:
        return 0.01
    if epoch < 35:
        return 0.005
    return 0.001


training_config = TrainingConfig(
    dataset=FashionMNIST(),
    batch_size=128,
    epochs=45,
    optimizer=lambda: SGDW(learning_rate=0.01, momentum=0.9, weight_decay=1e-5),
    callbacks=lambda: [keras.callbacks.LearningRateScheduler(lr_schedule)],
)

search_config = AgingEvoConfig(
    search_space=CnnSearchSpace(dropout=0.15),
    checkpoint_dir="artifacts/cnn_fashion",
)

bound_config = BoundConfig(
    error_bound=0.10,
    peak_mem_bound=64_000,
    model_size_bound=64_000,
    mac_bound=30_000_000,
)
