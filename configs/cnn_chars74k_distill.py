"""Chars74K with knowledge distillation: μNAS's ``configs/cnn_chars74k_distill.py``.

``cnn_chars74k_aging.py`` with batch 75 and distillation (alpha 0.3, temperature 1) from the
teacher that ``python -m teachers.train chars74k`` writes (``cnn-chars74k.keras`` in the working
directory; the original's is ``cnn-chars74k.h5``).
"""
import dataclasses

from config import DistillationConfig
from configs.cnn_chars74k_aging import (bound_config, search_algorithm,  # noqa: F401
                                        search_config, training_config)

training_config = dataclasses.replace(
    training_config,
    distillation=DistillationConfig(distill_from="cnn-chars74k.keras"),
    batch_size=75,
)
