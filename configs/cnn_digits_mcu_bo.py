"""Bayesian optimisation on scikit-learn's 8x8 digits, bounded on what a Cortex-M4 pays.

This project's addition: the BO counterpart of ``cnn_digits_mcu.py`` (the same data, training and
target bounds: TFLM's arena on a Cortex-M4 with CMSIS-NN plus a 4 KiB stack within 12,000 B, the
.tflite within 32,000 B, error <= 10 %), sized like ``cnn_digits_bo.py``. The acquisition compares
each candidate it scores with the target bounds, so every ask also predicts the target figures of
the candidates its GA meets (cached per architecture); the README's "Bounds on the deployment
target" gives what that costs.
"""
import dataclasses

from configs import cnn_digits_bo as base
from configs.cnn_digits_mcu import bound_config, training_config  # the same task and bounds

search_config = dataclasses.replace(base.search_config, checkpoint_dir="artifacts/cnn_digits_mcu")
