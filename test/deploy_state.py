"""A small real search state for the export and notebook tests: one CNN candidate trained on Digits.

The search runs in-process (no Ray) with seed 25, whose first random architecture is small (13k
MACs, 12.8 kB), so it trains in seconds to a useful accuracy. The state is built once per test
session under pytest's base temporary directory and shared by the tests that need it.
"""
from __future__ import annotations

import os
from pathlib import Path

NAME = "tiny_digits"
SEED = 25


def state_path(directory: Path) -> Path:
    return Path(directory) / f"{NAME}_agingevosearch_state.json"


def tiny_digits_state(tmp_path_factory) -> Path:
    """The state file of the shared one-candidate Digits search (run on first use)."""
    directory = Path(tmp_path_factory.getbasetemp()) / "deploy_tiny_digits"
    done = directory / "complete"
    if done.exists():
        return state_path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    run_search(directory)
    done.write_text("ok")
    return state_path(directory)


def tiny_pruned_digits_state(tmp_path_factory) -> Path:
    """The state file of the same search with structured DPF pruning (sparsity 0.3-0.5), whose
    point has kernels with zeroed output channels (run on first use)."""
    directory = Path(tmp_path_factory.getbasetemp()) / "deploy_tiny_pruned_digits"
    done = directory / "complete"
    if not done.exists():
        directory.mkdir(parents=True, exist_ok=True)
        run_search(directory, structured_pruning=True)
        done.write_text("ok")
    return state_path(directory)


def run_search(directory: Path, structured_pruning: bool = False) -> Path:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras

    from cnn import CnnSearchSpace
    from config import AgingEvoConfig, BoundConfig, PruningConfig, TrainingConfig
    from dataset import Digits
    from search_algorithms import AgingEvoSearch

    data = Digits()
    space = CnnSearchSpace()
    space.input_shape, space.num_classes = tuple(data.input_shape), data.num_classes
    training = TrainingConfig(dataset=data, optimizer=lambda: keras.optimizers.Adam(0.01),
                              callbacks=lambda: [], batch_size=64, epochs=15,
                              pruning=PruningConfig(structured=True, start_pruning_at_epoch=3,
                                                    finish_pruning_by_epoch=10, min_sparsity=0.3,
                                                    max_sparsity=0.5)
                              if structured_pruning else None)
    search = AgingEvoConfig(search_space=space, population_size=2, sample_size=2,
                            initial_population_size=2, rounds=1, max_parallel_evaluations=1,
                            checkpoint_dir=str(directory))
    bounds = BoundConfig(error_bound=0.5, peak_mem_bound=10_000, model_size_bound=100_000,
                         mac_bound=1_000_000)
    AgingEvoSearch(NAME, search, training, bounds, seed=SEED, use_ray=False).search()
    return state_path(directory)
