"""Chars74K, aging evolution: μNAS's ``configs/cnn_chars74k_aging.py``.

48x48 images from ``/datasets/chars74k`` (the original's path: edit it to where the data is),
60 epochs, batch 80, SGDW (momentum 0.9, weight decay 1e-4), learning rate 0.01 then 0.005 from
epoch 35; the CNN search space with dropout 0.15; aging evolution with its defaults (population
100, sample 25, 2,000 rounds); bounds: error 30 %, peak memory 10,000 B, model size 20,000 B,
1M MACs. Several Chars74K configs derive from this one.
"""
import keras

from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, TrainingConfig
from dataset import Chars74K
from optimizers import SGDW
from search_algorithms import AgingEvoSearch

search_algorithm = AgingEvoSearch


def lr_schedule(epoch):
    return 0.01 if epoch < 35 else 0.005


training_config = TrainingConfig(
    dataset=Chars74K("/datasets/chars74k", img_size=(48, 48)),
    epochs=60,
    batch_size=80,
    optimizer=lambda: SGDW(learning_rate=0.01, momentum=0.9, weight_decay=0.0001),
    callbacks=lambda: [keras.callbacks.LearningRateScheduler(lr_schedule)],
)

search_config = AgingEvoConfig(
    search_space=CnnSearchSpace(dropout=0.15),
    checkpoint_dir="artifacts/cnn_chars74k",
)

bound_config = BoundConfig(
    error_bound=0.3,
    peak_mem_bound=10_000,
    model_size_bound=20_000,
    mac_bound=1_000_000,
)
