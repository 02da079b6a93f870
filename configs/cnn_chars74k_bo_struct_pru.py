"""Chars74K, Bayesian optimisation with structured pruning: μNAS's
``configs/cnn_chars74k_bo_struct_pru.py``. ``cnn_chars74k_bo.py`` plus structured DPF pruning
from epoch 20 to epoch 53, target sparsity drawn from [0.1, 0.85]."""
import dataclasses

from config import PruningConfig
from configs.cnn_chars74k_bo import (bound_config, search_algorithm,  # noqa: F401
                                     search_config, training_config)

training_config = dataclasses.replace(training_config, pruning=PruningConfig(
    structured=True,
    start_pruning_at_epoch=20,
    finish_pruning_by_epoch=53,
    min_sparsity=0.1,
    max_sparsity=0.85,
))
