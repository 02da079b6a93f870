"""CIFAR-10 with structured pruning: μNAS's ``configs/cnn_cifar10_struct_pru.py``.

``cnn_cifar10_aging.py`` plus structured DPF pruning from epoch 90 to epoch 120, target sparsity
drawn from [0.1, 0.9]; bounds: error 10 %, peak memory 50,000 B, model size 50,000 B, 60M MACs.
"""
import dataclasses

from config import BoundConfig, PruningConfig
from configs.cnn_cifar10_aging import search_algorithm, search_config, training_config  # noqa: F401

training_config = dataclasses.replace(training_config, pruning=PruningConfig(
    structured=True,
    start_pruning_at_epoch=90,
    finish_pruning_by_epoch=120,
    min_sparsity=0.1,
    max_sparsity=0.90,
))

bound_config = BoundConfig(
    error_bound=0.10,
    peak_mem_bound=50_000,
    model_size_bound=50_000,
    mac_bound=60_000_000,
)
