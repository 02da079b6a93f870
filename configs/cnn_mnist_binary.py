"""Binary MNIST, Bayesian optimisation: μNAS's ``configs/cnn_mnist_binary.py``.

``MNIST(binary=True)`` (one output logit), 25 epochs, batch 128, AdamW (learning rate 0.001,
weight decay 1e-4), early stopping (patience 10, min delta 0.005); Bayesian optimisation with 10
random starting points (800 rounds); bounds: error 1 %, peak memory 2,000 B, model size 2,000 B,
1M MACs. Like the original it names no ``search_algorithm``: the driver's default, Bayesian
optimisation, runs it.
"""
import keras

from cnn import CnnSearchSpace
from config import BayesOptConfig, BoundConfig, TrainingConfig
from dataset import MNIST
from optimizers import AdamW

training_config = TrainingConfig(
    dataset=MNIST(binary=True),
    epochs=25,
    batch_size=128,
    optimizer=lambda: AdamW(learning_rate=0.001, weight_decay=0.0001),
    callbacks=lambda: [keras.callbacks.EarlyStopping(patience=10, min_delta=0.005)],
)

search_config = BayesOptConfig(
    search_space=CnnSearchSpace(),
    starting_points=10,
    checkpoint_dir="artifacts/cnn_mnist",
)

bound_config = BoundConfig(
    error_bound=0.01,
    peak_mem_bound=2000,
    model_size_bound=2000,
    mac_bound=1_000_000,
)
