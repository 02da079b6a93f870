"""Fashion-MNIST, multilayer perceptrons: μNAS's ``configs/mlp_fashion.py``.

The MLP search space; ``TrainingConfig``'s defaults (75 epochs, batch 128); Adam at 0.001 halved
when the validation loss stalls for 4 epochs; Bayesian optimisation with 10 starting points (800
rounds); bounds: error 18 %, peak memory 200 B, model size 30,000 B, 30,000 MACs. Like the
original it names no ``search_algorithm``: the driver's default, Bayesian optimisation, runs it.
"""
import keras

from config import BayesOptConfig, BoundConfig, TrainingConfig
from dataset import FashionMNIST
from mlp import MlpSearchSpace

training_config = TrainingConfig(
    dataset=FashionMNIST(),
    optimizer=lambda: keras.optimizers.Adam(learning_rate=0.001),
    callbacks=lambda: [keras.callbacks.ReduceLROnPlateau(factor=0.5, patience=4)],
)

search_config = BayesOptConfig(
    search_space=MlpSearchSpace(),
    starting_points=10,
    checkpoint_dir="artifacts/mlp_fashion",
)

bound_config = BoundConfig(
    error_bound=0.18,
    peak_mem_bound=200,
    model_size_bound=30_000,
    mac_bound=30_000,
)
