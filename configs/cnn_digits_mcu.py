"""Aging evolution on scikit-learn's 8x8 digits, bounded on what a Cortex-M4 pays.

This project's addition (not one of the original μNAS configs). ``configs/cnn_digits_aging.py``
bounds μNAS's proxies (peak memory, model size, MACs); this config bounds the deployment target's
figures instead, predicted from each candidate's architecture without converting it
(``resource_models.target_figures``): TFLM's whole arena on a Cortex-M4 with CMSIS-NN kernels
plus a 4 KiB stack reserve within 12,000 B of RAM, and the int8 .tflite within 32,000 B of flash
(the runtime's own flash apart: ``runtime_flash_bytes`` adds it). Most random architectures of
the CNN space for 8x8 inputs exceed these bounds, so proposals far outside them (more than 2x)
are screened before training (``screen_factor``, a search-cost option of this project).

    pipenv run python driver.py configs/cnn_digits_mcu.py --name digits_mcu
    pipenv run python search_state_processor.py artifacts/cnn_digits_mcu/digits_mcu_agingevosearch_state.json \\
        --export models --points in-bounds --target cortex-m4

The export builds each model into Cortex-M4 firmware, runs it in QEMU and reports the arena,
stack and flash it measured next to the figures the search predicted.
"""
import dataclasses

from config import BoundConfig, TargetConfig
from configs import cnn_digits_aging as base
from search_algorithms import AgingEvoSearch

search_algorithm = AgingEvoSearch
training_config = base.training_config          # the same data and training
search_config = dataclasses.replace(base.search_config, checkpoint_dir="artifacts/cnn_digits_mcu",
                                    screen_factor=2.0)

bound_config = BoundConfig(
    error_bound=0.10,
    target_ram_bound=12_000,
    target_flash_bound=32_000,
    target=TargetConfig(target="cortex-m4", kernels="cmsis-nn", stack_bytes=4_096),
)
