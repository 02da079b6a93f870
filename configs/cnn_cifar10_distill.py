"""CIFAR-10 with knowledge distillation: μNAS's ``configs/cnn_cifar10_distill.py``.

``cnn_cifar10_aging.py`` with distillation (alpha 0.3, temperature 1) from the CIFAR-10 teacher
that ``python -m teachers.train cifar10`` writes (``cnn-cifar10.keras``, in the working
directory). The original names ``mobilenetv2-cifar10.h5``, a file its own teacher script does not
write (that writes ``cnn-cifar10.h5``, a MobileNetV2-like network).
"""
import dataclasses

from config import DistillationConfig
from configs.cnn_cifar10_aging import (bound_config, search_algorithm,  # noqa: F401
                                       search_config, training_config)

training_config = dataclasses.replace(training_config, distillation=DistillationConfig(
    distill_from="cnn-cifar10.keras",
))
