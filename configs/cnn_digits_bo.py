"""Bayesian optimisation (μNAS's default algorithm) on scikit-learn's 8x8 digits: a short search.

This project's addition (μNAS has no Digits config): the BO counterpart of ``cnn_digits_aging.py``,
with the same data, training and bounds (error <= 10 %, peak memory <= 1,000 B, model size
<= 20,000 B, MACs <= 200,000), so the two algorithms can be compared on a laptop. No
``search_algorithm`` is named: a config without one runs Bayesian optimisation, as in μNAS.

Sized to run in minutes: 5 random starting points, then candidates chosen by the acquisition
(GP hyperparameters by maximum likelihood, refitted every 10 points, 300 candidates scored per
ask: dragonfly's budget), 40 rounds in all, 2 Ray workers.
"""
from cnn import CnnSearchSpace
from config import BayesOptConfig
from configs.cnn_digits_aging import bound_config, training_config  # the same task and bounds

search_config = BayesOptConfig(
    search_space=CnnSearchSpace(),
    starting_points=5,
    rounds=40,
    max_parallel_evaluations=2,
    checkpoint_dir="artifacts/cnn_digits",
    gp_hp_criterion="ml",
    refit_every=10,
)
