"""MNIST with unstructured pruning: μNAS's ``configs/cnn_mnist_sparse.py``.

``cnn_mnist_aging.py`` plus unstructured DPF pruning from epoch 3 to epoch 18, target sparsity
drawn from [0.2, 0.98]; only error (2.5 %) and model size (1,000 B, sparse storage) are bounded.
"""
import dataclasses

from config import BoundConfig, PruningConfig
from configs.cnn_mnist_aging import search_algorithm, search_config, training_config  # noqa: F401

training_config = dataclasses.replace(training_config, pruning=PruningConfig(
    structured=False,
    start_pruning_at_epoch=3,
    finish_pruning_by_epoch=18,
    min_sparsity=0.2,
    max_sparsity=0.98,
))

bound_config = BoundConfig(
    error_bound=0.025,
    peak_mem_bound=None,
    model_size_bound=1000,
    mac_bound=None,
)
