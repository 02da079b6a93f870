"""The built-in default (``make search``): aging evolution on scikit-learn's 8x8 digits.

This project's addition, not one of the original μNAS configs (those are ported under their own
names in this directory).

Real data that ships with scikit-learn, so it runs offline. The bounds are meant for 8x8 inputs
(the seed's MNIST bounds would admit almost any model here): error <= 10 %, peak memory
<= 1,000 B, model size <= 20,000 B, MACs <= 200,000. Most random μNAS architectures break them
(for 8x8 inputs about 56 % exceed the peak memory bound and 90 % the model size bound).

Sized so that ``make search`` evaluates 80 candidates in minutes on a 2-core machine with 2 Ray
workers: 15 epochs of Adam per candidate (Digits has 1,293 training images; a candidate's time is
mostly Keras's per-model set-up, so fewer epochs would save little), 16 random candidates, then a
population of 20 with tournaments of 5. The time and outcome of a recorded run are in
``benchmarks/results/make_search.txt`` (``make record-search``), the figures the README quotes.
"""
import keras

from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, TrainingConfig
from dataset import Digits
from search_algorithms import AgingEvoSearch

search_algorithm = AgingEvoSearch

training_config = TrainingConfig(
    dataset=Digits(),
    optimizer=lambda: keras.optimizers.Adam(learning_rate=0.01),
    callbacks=lambda: [],
    batch_size=64,
    epochs=15,
)

search_config = AgingEvoConfig(
    search_space=CnnSearchSpace(),
    population_size=20,
    sample_size=5,
    initial_population_size=16,
    rounds=80,
    max_parallel_evaluations=2,
    checkpoint_dir="artifacts/cnn_digits",
)

bound_config = BoundConfig(
    error_bound=0.10,
    peak_mem_bound=1_000,
    model_size_bound=20_000,
    mac_bound=200_000,
)
