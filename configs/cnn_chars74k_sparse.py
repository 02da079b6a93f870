"""Chars74K with unstructured pruning: μNAS's ``configs/cnn_chars74k_sparse.py``.

``cnn_chars74k_aging.py`` plus unstructured DPF pruning from epoch 20 to epoch 53, target
sparsity drawn from [0.1, 0.98]; only error (35 %) and model size (2,000 B) are bounded.
"""
import dataclasses

from config import BoundConfig, PruningConfig
from configs.cnn_chars74k_aging import search_algorithm, search_config, training_config  # noqa: F401

training_config = dataclasses.replace(training_config, pruning=PruningConfig(
    structured=False,
    start_pruning_at_epoch=20,
    finish_pruning_by_epoch=53,
    min_sparsity=0.1,
    max_sparsity=0.98,
))

bound_config = BoundConfig(
    error_bound=0.35,
    peak_mem_bound=None,
    model_size_bound=2000,
    mac_bound=None,
)
