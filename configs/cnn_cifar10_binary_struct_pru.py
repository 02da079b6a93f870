"""Binary CIFAR-10 with structured pruning: μNAS's ``configs/cnn_cifar10_binary_struct_pru.py``.

``cnn_cifar10_binary.py`` plus structured DPF pruning from epoch 30 to epoch 60, target sparsity
drawn from [0.1, 0.6]; the same bounds.
"""
import dataclasses

from config import PruningConfig
from configs.cnn_cifar10_binary import (bound_config, search_algorithm,  # noqa: F401
                                        search_config, training_config)

training_config = dataclasses.replace(training_config, pruning=PruningConfig(
    structured=True,
    start_pruning_at_epoch=30,
    finish_pruning_by_epoch=60,
    min_sparsity=0.1,
    max_sparsity=0.6,
))
