"""Chars74K, Bayesian optimisation: μNAS's ``configs/cnn_chars74k_bo.py``.

Training and bounds as ``cnn_chars74k_aging.py`` (the original repeats them in full; here they are
imported); Bayesian optimisation with its defaults (15 starting points, 800 rounds) over the CNN
space with dropout 0.15.
"""
from cnn import CnnSearchSpace
from config import BayesOptConfig
from configs.cnn_chars74k_aging import bound_config, training_config  # noqa: F401
from search_algorithms import BayesOpt

search_algorithm = BayesOpt

search_config = BayesOptConfig(
    search_space=CnnSearchSpace(dropout=0.15),
    checkpoint_dir="artifacts/cnn_chars74k",
)
