"""Speech Commands with structured pruning: μNAS's ``configs/cnn_speech_commands_struct_pru.py``.

``cnn_speech_commands_aging.py`` plus structured DPF pruning from epoch 20 to epoch 40, target
sparsity drawn from [0.1, 0.9]; the same bounds.
"""
import dataclasses

from config import PruningConfig
from configs.cnn_speech_commands_aging import (bound_config, search_algorithm,  # noqa: F401
                                               search_config, training_config)

training_config = dataclasses.replace(training_config, pruning=PruningConfig(
    structured=True,
    start_pruning_at_epoch=20,
    finish_pruning_by_epoch=40,
    min_sparsity=0.10,
    max_sparsity=0.90,
))
