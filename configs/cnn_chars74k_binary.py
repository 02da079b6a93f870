"""Binary Chars74K: μNAS's ``configs/cnn_chars74k_binary.py``.

``Chars74K(img_size=(32, 32), binary=True)`` (one output logit), 60 epochs, batch 128, SGDW
(momentum 0.9, weight decay 4e-5), learning rate 0.01 then 0.005 from epoch 42; search algorithm,
search space and bounds taken from ``cnn_chars74k_aging.py``.
"""
import keras

from config import TrainingConfig
from configs.cnn_chars74k_aging import bound_config, search_algorithm, search_config  # noqa: F401
from dataset import Chars74K
from optimizers import SGDW


def lr_schedule(epoch):
    return 0.01 if epoch < 42 else 0.005


training_config = TrainingConfig(
    dataset=Chars74K("/datasets/chars74k", img_size=(32, 32), binary=True),
    epochs=60,
    batch_size=128,
    optimizer=lambda: SGDW(learning_rate=0.01, momentum=0.9, weight_decay=4e-5),
    callbacks=lambda: [keras.callbacks.LearningRateScheduler(lr_schedule)],
)
