"""Binary CIFAR-10 with unstructured pruning: μNAS's ``configs/cnn_cifar10_binary_sparse.py``.

``cnn_cifar10_binary.py`` plus unstructured DPF pruning from epoch 30 to epoch 60, target
sparsity drawn from [0.1, 0.98]; only error (25 %) and model size (2,000 B) are bounded.
"""
import dataclasses

from config import BoundConfig, PruningConfig
from configs.cnn_cifar10_binary import search_algorithm, search_config, training_config  # noqa: F401

training_config = dataclasses.replace(training_config, pruning=PruningConfig(
    structured=False,
    start_pruning_at_epoch=30,
    finish_pruning_by_epoch=60,
    min_sparsity=0.1,
    max_sparsity=0.98,
))

bound_config = BoundConfig(
    error_bound=0.25,
    peak_mem_bound=None,
    model_size_bound=2000,
    mac_bound=None,
)
