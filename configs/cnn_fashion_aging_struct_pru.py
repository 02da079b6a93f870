"""Fashion-MNIST with structured pruning: μNAS's ``configs/cnn_fashion_aging_struct_pru.py``.

``cnn_fashion_aging.py`` plus structured DPF pruning from epoch 3 to epoch 38, target sparsity
drawn from [0.05, 0.9]; the same bounds.
"""
import dataclasses

from config import PruningConfig
from configs.cnn_fashion_aging import (bound_config, search_algorithm,  # noqa: F401
                                       search_config, training_config)

training_config = dataclasses.replace(training_config, pruning=PruningConfig(
    structured=True,
    start_pruning_at_epoch=3,
    finish_pruning_by_epoch=38,
    min_sparsity=0.05,
    max_sparsity=0.90,
))
