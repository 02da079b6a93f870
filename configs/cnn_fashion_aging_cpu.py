"""Fashion-MNIST with the seed's bounds on a CPU-sized budget.

The bounds of μNAS's ``cnn_fashion_aging.py`` (error <= 10 %, peak memory <= 64,000 B, model size
<= 64,000 B, MACs <= 30M) with a training budget a few CPU cores can afford: EPOCHS epochs per
candidate instead of 30 (Adam converges faster than the seed's SGD in so few epochs), ROUNDS
candidates, a population of POP. Roughly MINUTES on a 2-core machine with 2 Ray workers.

Fashion-MNIST is read from ``/usr/share/datasets/fashion-mnist`` (Debian's
``dataset-fashion-mnist``), else through tensorflow-datasets.
"""
import keras

from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, TrainingConfig
from dataset import FashionMNIST
from search_algorithms import AgingEvoSearch

search_algorithm = AgingEvoSearch

training_config = TrainingConfig(
    dataset=FashionMNIST(),
    optimizer=lambda: keras.optimizers.Adam(learning_rate=0.003),
    callbacks=lambda: [],
    batch_size=128,
    epochs=4,
)

search_config = AgingEvoConfig(
    search_space=CnnSearchSpace(),
    population_size=30,
    sample_size=8,
    initial_population_size=15,
    rounds=100,
    checkpoint_dir="artifacts/cnn_fashion_cpu",
)

bound_config = BoundConfig(
    error_bound=0.10,
    peak_mem_bound=64_000,
    model_size_bound=64_000,
    mac_bound=30_000_000,
)
