"""MNIST, Bayesian optimisation: μNAS's ``configs/cnn_mnist_bo.py``.

Training and bounds as ``cnn_mnist_aging.py`` (the original repeats them in full; here they are
imported); Bayesian optimisation with 10 random starting points and its default 800 rounds.
"""
from cnn import CnnSearchSpace
from config import BayesOptConfig
from configs.cnn_mnist_aging import bound_config, training_config  # noqa: F401
from search_algorithms import BayesOpt

search_algorithm = BayesOpt

search_config = BayesOptConfig(
    search_space=CnnSearchSpace(),
    starting_points=10,
    checkpoint_dir="artifacts/cnn_mnist",
)
