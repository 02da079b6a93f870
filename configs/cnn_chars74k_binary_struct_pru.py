"""Binary Chars74K with structured pruning: μNAS's ``configs/cnn_chars74k_binary_struct_pru.py``.

``cnn_chars74k_binary.py`` plus structured DPF pruning from epoch 20 to epoch 53, target sparsity
drawn from [0.1, 0.85]; bounds: error 26 %, peak memory 1,500 B, model size 1,000 B, 1M MACs.
"""
import dataclasses

from config import BoundConfig, PruningConfig
from configs.cnn_chars74k_binary import search_algorithm, search_config, training_config  # noqa: F401

training_config = dataclasses.replace(training_config, pruning=PruningConfig(
    structured=True,
    start_pruning_at_epoch=20,
    finish_pruning_by_epoch=53,
    min_sparsity=0.1,
    max_sparsity=0.85,
))

bound_config = BoundConfig(
    error_bound=0.26,
    peak_mem_bound=1500,
    model_size_bound=1000,
    mac_bound=1_000_000,
)
