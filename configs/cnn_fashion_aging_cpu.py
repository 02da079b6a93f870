"""Fashion-MNIST with the original's bounds on a CPU-sized budget.

This project's addition, not one of the original μNAS configs. The bounds of
μNAS's ``cnn_fashion_aging.py`` (error <= 10 %, peak memory <= 64,000 B, model size <= 64,000 B,
MACs <= 30M) with a training budget a few CPU cores can afford: 3 epochs per candidate instead of
45 (Adam, which gets further than the original's SGDW in so few epochs), 100 candidates, a
population of 30 with tournaments of 8 after 15 random candidates.

Cost, measured: a 26-minute run with 2 workers on a 2-core machine evaluated 14 of the random
initial candidates (20-820 s each at 3 epochs; the large random ones dominate), so 100 candidates
take several hours here. Use ``--rounds`` / ``--epochs`` to trade time for quality, and
``--load-from`` to continue a run in several sittings.

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
    epochs=3,
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
