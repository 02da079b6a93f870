"""Fashion-MNIST, Bayesian optimisation: μNAS's ``configs/cnn_fashion_bo.py``.

75 epochs, batch 128, AdamW (weight decay 1e-5), learning rate 0.001 then 0.00025 from epoch 25;
Bayesian optimisation with 15 starting points (800 rounds) over the CNN space without dropout;
bounds: error 10 %, peak memory 64,000 B, model size 64,000 B, 1M MACs. Like the original it names
no ``search_algorithm``: the driver's default, Bayesian optimisation, runs it.
"""
import keras

from cnn import CnnSearchSpace
from config import BayesOptConfig, BoundConfig, TrainingConfig
from dataset import FashionMNIST
from optimizers import AdamW

training_config = TrainingConfig(
    dataset=FashionMNIST(),
    epochs=75,
    optimizer=lambda: AdamW(learning_rate=0.001, weight_decay=1e-5),
    callbacks=lambda: [keras.callbacks.LearningRateScheduler(
        lambda epoch: 0.001 if epoch < 25 else 0.00025)],
)

search_config = BayesOptConfig(
    search_space=CnnSearchSpace(),
    starting_points=15,
    checkpoint_dir="artifacts/cnn_fashion",
)

bound_config = BoundConfig(
    error_bound=0.10,
    peak_mem_bound=64_000,
    model_size_bound=64_000,
    mac_bound=1_000_000,
)
