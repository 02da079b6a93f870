"""MNIST with structured pruning: μNAS's ``configs/cnn_mnist_struct_pru.py``.

``cnn_mnist_aging.py`` plus structured DPF pruning from epoch 3 to epoch 18, each candidate's
target sparsity drawn from [0.05, 0.8]; the same bounds.
"""
import dataclasses

from config import PruningConfig
from configs.cnn_mnist_aging import (bound_config, search_algorithm,  # noqa: F401
                                     search_config, training_config)

training_config = dataclasses.replace(training_config, pruning=PruningConfig(
    structured=True,
    start_pruning_at_epoch=3,
    finish_pruning_by_epoch=18,
    min_sparsity=0.05,
    max_sparsity=0.8,
))
