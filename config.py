"""Configuration schema of a search: plain dataclasses, validated on construction.

A config file is a Python file that the driver executes; it defines ``search_algorithm``,
``training_config``, ``search_config`` and ``bound_config`` built from these classes. A wrong value is
a ``ConfigError`` that names the field, raised as soon as the config object is built.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable, List, Optional

from search_algorithms.workers import WORKER_START_TIMEOUT_S


class ConfigError(ValueError):
    """A configuration value is wrong; the message names the class and the field."""


def _fail(obj, name: str, problem: str):
    raise ConfigError(f"{type(obj).__name__}.{name}: {problem} (got {getattr(obj, name)!r})")


def _int(obj, name, low=None, optional=False):
    v = getattr(obj, name)
    if v is None and optional:
        return
    if isinstance(v, bool) or not isinstance(v, int):
        _fail(obj, name, "must be an integer" + (" or None" if optional else ""))
    if low is not None and v < low:
        _fail(obj, name, f"must be >= {low}")


def _real(obj, name, low=None, high=None, optional=False, low_open=False):
    v = getattr(obj, name)
    if v is None and optional:
        return
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        _fail(obj, name, "must be a finite number" + (" or None" if optional else ""))
    if low is not None and (v <= low if low_open else v < low):
        _fail(obj, name, f"must be {'>' if low_open else '>='} {low}")
    if high is not None and v > high:
        _fail(obj, name, f"must be <= {high}")


def _bool(obj, name):
    if not isinstance(getattr(obj, name), bool):
        _fail(obj, name, "must be True or False")


def _callable(obj, name):
    if not callable(getattr(obj, name)):
        _fail(obj, name, "must be a function with no arguments that returns a fresh object")


@dataclass
class DistillationConfig:
    """Knowledge distillation from a saved Keras teacher model (``.keras`` file)."""
    distill_from: str | Path
    alpha: float = 0.3
    temperature: float = 1.0

    def __post_init__(self):
        if not isinstance(self.distill_from, (str, Path)) or not str(self.distill_from):
            _fail(self, "distill_from", "must be the path of a saved Keras teacher model")
        _real(self, "alpha", low=0.0)
        _real(self, "temperature", low=0.0, low_open=True)


@dataclass
class PruningConfig:
    """Dynamic Model Pruning with Feedback; the search draws each candidate's target sparsity.

    ``keep_dense_weights`` and ``prune_biases`` (both off, as μNAS) switch on the DPF paper's
    behaviour where μNAS departs from it; see ``pruning.py``."""
    structured: bool = False
    start_pruning_at_epoch: int = 0
    finish_pruning_by_epoch: Optional[int] = None
    min_sparsity: float = 0.0
    max_sparsity: float = 0.995
    keep_dense_weights: bool = False
    prune_biases: bool = False

    def __post_init__(self):
        _bool(self, "structured")
        _bool(self, "keep_dense_weights")
        _bool(self, "prune_biases")
        _int(self, "start_pruning_at_epoch", low=0)
        _int(self, "finish_pruning_by_epoch", low=0, optional=True)
        if (self.finish_pruning_by_epoch is not None
                and self.finish_pruning_by_epoch < self.start_pruning_at_epoch):
            _fail(self, "finish_pruning_by_epoch", "must be >= start_pruning_at_epoch "
                  f"({self.start_pruning_at_epoch})")
        _real(self, "min_sparsity", low=0.0, high=1.0)
        _real(self, "max_sparsity", low=0.0, high=1.0)
        if self.max_sparsity >= 1.0:
            _fail(self, "max_sparsity", "must be < 1 (a fully pruned model computes nothing)")
        if self.min_sparsity > self.max_sparsity:
            _fail(self, "min_sparsity", f"must be <= max_sparsity ({self.max_sparsity})")


@dataclass
class TrainingConfig:
    """How one candidate is trained. Factories are called once per candidate (fresh state)."""
    dataset: Any
    optimizer: Callable[[], Any]
    callbacks: Callable[[], List[Any]] = field(default=lambda: [])
    batch_size: int = 128
    epochs: int = 75
    distillation: Optional[DistillationConfig] = None
    use_class_weight: bool = False
    pruning: Optional[PruningConfig] = None

    def __post_init__(self):
        for attr in ("train_dataset", "validation_dataset", "test_dataset", "num_classes",
                     "input_shape"):
            if not hasattr(self.dataset, attr):
                _fail(self, "dataset", f"must be a dataset.Dataset (no attribute {attr!r})")
        _callable(self, "optimizer")
        _callable(self, "callbacks")
        _int(self, "batch_size", low=1)
        _int(self, "epochs", low=1)
        _bool(self, "use_class_weight")
        if self.distillation is not None and not isinstance(self.distillation, DistillationConfig):
            _fail(self, "distillation", "must be a DistillationConfig or None")
        if self.pruning is not None:
            if not isinstance(self.pruning, PruningConfig):
                _fail(self, "pruning", "must be a PruningConfig or None")
            finish = self.pruning.finish_pruning_by_epoch
            if finish is not None and finish > self.epochs:
                raise ConfigError(f"TrainingConfig.pruning.finish_pruning_by_epoch: must be <= "
                                  f"epochs ({self.epochs}) (got {finish!r})")


# A Ray worker whose resident memory passes this many MiB is replaced by a fresh one between two
# candidates (the search configs' ``worker_memory_limit_mb``); the default worker count allows
# 2 GiB per worker.
WORKER_MEMORY_LIMIT_MB = 2048


def _check_screening(obj):
    """``screen_factor`` / ``screen_max_draws``: bound-aware proposals (issue 21, off by default).
    A proposal whose exact resource figures exceed a bound by more than ``screen_factor`` is
    not trained: it is drawn again (random) or re-morphed (child), at most ``screen_max_draws``
    times, after which the least-over draw is trained."""
    _real(obj, "screen_factor", optional=True)
    if obj.screen_factor is not None and obj.screen_factor <= 1:
        _fail(obj, "screen_factor", "must be > 1 (a proposal over its bound by more than this "
              "factor is not trained) or None (off)")
    _int(obj, "screen_max_draws", low=1)


def _check_worker_recycling(obj):
    """``worker_memory_limit_mb`` / ``worker_max_candidates``: when a Ray worker is replaced;
    ``worker_start_timeout_s``: how long one may take to start; ``share_dataset``: the driver
    loads an in-memory dataset once and Ray's object store gives every worker the same read-only
    copy (False: each worker reads and decodes its own, as μNAS's did; the arrays are the same)."""
    _int(obj, "worker_memory_limit_mb", low=1, optional=True)
    _int(obj, "worker_max_candidates", low=1, optional=True)
    _real(obj, "worker_start_timeout_s", low=0, low_open=True)
    _bool(obj, "share_dataset")


@dataclass
class AgingEvoConfig:
    """Aging evolution (regularised evolution) search.

    Search-cost options beyond μNAS (issue 21; all off by default, so μNAS's behaviour):
    ``screen_factor``/``screen_max_draws`` (see ``_check_screening``) and asynchronous successive
    halving on training epochs: ``halving_eta`` (keep the best 1/eta at each rung, >= 2) and
    ``halving_min_epochs`` (epochs of the first rung; the rungs are min_epochs * eta^k below the
    training config's epochs, which is the final rung). Only final-rung candidates join the
    population; ``rounds`` counts trainings (each rung's one)."""
    search_space: Any
    population_size: int = 100
    sample_size: int = 25
    initial_population_size: Optional[int] = None
    rounds: int = 2000
    max_parallel_evaluations: Optional[int] = None
    checkpoint_dir: str = "artifacts"
    worker_memory_limit_mb: Optional[int] = WORKER_MEMORY_LIMIT_MB
    worker_max_candidates: Optional[int] = None
    worker_start_timeout_s: float = WORKER_START_TIMEOUT_S
    share_dataset: bool = True
    screen_factor: Optional[float] = None
    screen_max_draws: int = 50
    halving_eta: Optional[int] = None
    halving_min_epochs: Optional[int] = None

    def __post_init__(self):
        _check_search_space(self)
        _check_worker_recycling(self)
        _check_screening(self)
        _int(self, "halving_eta", low=2, optional=True)
        _int(self, "halving_min_epochs", low=1, optional=True)
        if (self.halving_eta is None) != (self.halving_min_epochs is None):
            missing = "halving_eta" if self.halving_eta is None else "halving_min_epochs"
            _fail(self, missing, "must be set too: successive halving needs both halving_eta "
                  "and halving_min_epochs")
        _int(self, "population_size", low=1)
        _int(self, "sample_size", low=1)
        if self.sample_size > self.population_size:
            _fail(self, "sample_size", f"must be <= population_size ({self.population_size})")
        _int(self, "initial_population_size", low=1, optional=True)
        if self.initial_population_size is None:
            self.initial_population_size = self.population_size
        _int(self, "rounds", low=1)
        _int(self, "max_parallel_evaluations", low=1, optional=True)
        _path(self, "checkpoint_dir")


@dataclass
class BayesOptConfig:
    """Bayesian optimisation search (dragonfly), μNAS's default algorithm.

    Beyond μNAS's options: ``gp_hp_criterion`` (how the GP's hyperparameters are chosen:
    dragonfly's default "ml-post_sampling", or "ml" / "post_sampling"), ``refit_every`` (refit
    them every that many evaluated points; dragonfly's 17), ``acq_max_evals`` (candidates the
    acquisition optimiser scores per ask; None: dragonfly's budget, 300 for network spaces).
    ``multifidelity``: μNAS's BOCA, each candidate trained for 30 %-100 % of the epochs.
    ``screen_factor``/``screen_max_draws`` (issue 21, off by default): bound-aware random
    proposals (the starting points, and random candidates drawn while fewer than two succeeded), as
    ``AgingEvoConfig``'s; the acquisition already weighs the exact resource figures.
    """
    search_space: Any
    multifidelity: bool = False
    starting_points: int = 15
    rounds: int = 800
    checkpoint_dir: str = "artifacts"
    max_parallel_evaluations: Optional[int] = None
    gp_hp_criterion: str = "ml-post_sampling"
    refit_every: int = 17
    acq_max_evals: Optional[int] = None
    worker_memory_limit_mb: Optional[int] = WORKER_MEMORY_LIMIT_MB
    worker_max_candidates: Optional[int] = None
    worker_start_timeout_s: float = WORKER_START_TIMEOUT_S
    share_dataset: bool = True
    screen_factor: Optional[float] = None
    screen_max_draws: int = 50

    def __post_init__(self):
        _check_search_space(self)
        _check_worker_recycling(self)
        _check_screening(self)
        _int(self, "starting_points", low=1)
        _int(self, "rounds", low=1)
        _bool(self, "multifidelity")
        _int(self, "max_parallel_evaluations", low=1, optional=True)
        _path(self, "checkpoint_dir")
        if self.gp_hp_criterion not in ("ml-post_sampling", "ml", "post_sampling"):
            _fail(self, "gp_hp_criterion", "must be 'ml-post_sampling', 'ml' or 'post_sampling'")
        _int(self, "refit_every", low=1)
        _int(self, "acq_max_evals", low=1, optional=True)


@dataclass
class TargetConfig:
    """The device a found model will run on: every point records its predicted footprint there
    (the state, the display, the processor's tables and plots), and ``BoundConfig``'s target
    bounds limit it.

    ``target``: ``"cortex-m4"`` (32-bit TFLM firmware) or ``"x86-64"`` (the ``tflite-micro``
    wheel); ``kernels``: ``"cmsis-nn"`` or ``"reference"``. ``stack_bytes``: RAM kept for the stack
    beside TFLM's arena (target RAM = the smallest arena that runs + this; the firmware harness
    measured stack
    high-water marks of about 1.9-2.3 kB for exported models). ``runtime_flash_bytes``: flash the
    runtime takes beside the model (target flash = the .tflite's bytes + this; 0: the model alone;
    ``python -m mcu MODEL`` prints a build's ``runtime_flash_bytes``). ``clock_mhz``: states the
    latency in milliseconds at this clock, one instruction per cycle (None: instructions only).
    """
    target: str = "cortex-m4"
    kernels: str = "cmsis-nn"
    stack_bytes: int = 4_096
    runtime_flash_bytes: int = 0
    clock_mhz: Optional[float] = None

    def __post_init__(self):
        from resource_models.tflm_targets import KERNEL_SETS, TARGETS
        if self.target not in TARGETS:
            _fail(self, "target", f"must be one of {sorted(TARGETS)}")
        if self.kernels not in KERNEL_SETS:
            _fail(self, "kernels", f"must be one of {list(KERNEL_SETS)}")
        _int(self, "stack_bytes", low=0)
        _int(self, "runtime_flash_bytes", low=0)
        _real(self, "clock_mhz", low=0.0, low_open=True, optional=True)

    @property
    def predicts_instructions(self) -> bool:
        """Instructions per inference are modelled for the Cortex-M4 only."""
        return self.target == "cortex-m4"

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


#: BoundConfig's bounds on the target's figures (``TargetConfig``), beyond μNAS's four.
TARGET_BOUNDS = ("target_ram_bound", "target_flash_bound", "target_instructions_bound",
                 "target_latency_ms_bound")


@dataclass
class BoundConfig:
    """Resource and error bounds; ``None`` means the objective is not optimised.

    μNAS's four bounds (error, peak memory, model size, MACs) are on its proxies. The ``target_*``
    bounds (this project's; all None by default, which leaves μNAS's behaviour unchanged) are on
    what ``target`` pays, predicted from the architecture: RAM (the smallest TFLM arena that runs
    the model + the stack),
    flash (the .tflite's bytes + the runtime's, as ``target`` says), instructions per inference,
    or milliseconds at ``target.clock_mhz``.
    """
    error_bound: Optional[float] = None
    peak_mem_bound: Optional[int] = None
    model_size_bound: Optional[int] = None
    mac_bound: Optional[int] = None
    target_ram_bound: Optional[int] = None
    target_flash_bound: Optional[int] = None
    target_instructions_bound: Optional[int] = None
    target_latency_ms_bound: Optional[float] = None
    target: TargetConfig = field(default_factory=TargetConfig)

    def __post_init__(self):
        _real(self, "error_bound", low=0.0, high=1.0, low_open=True, optional=True)
        for name in ("peak_mem_bound", "model_size_bound", "mac_bound", "target_ram_bound",
                     "target_flash_bound", "target_instructions_bound"):
            _int(self, name, low=1, optional=True)
        _real(self, "target_latency_ms_bound", low=0.0, low_open=True, optional=True)
        if not isinstance(self.target, TargetConfig):
            _fail(self, "target", "must be a config.TargetConfig")
        if all(v is None for v in self.as_dict().values()):
            raise ConfigError("BoundConfig: at least one bound must be set (all are None)")
        timed = [n for n in ("target_instructions_bound", "target_latency_ms_bound")
                 if getattr(self, n) is not None]
        if timed and not self.target.predicts_instructions:
            _fail(self, timed[0], f"instructions are predicted for the cortex-m4 only, not "
                                  f"target {self.target.target!r}")
        if self.target_latency_ms_bound is not None and self.target.clock_mhz is None:
            _fail(self, "target_latency_ms_bound", "needs target=TargetConfig(clock_mhz=...)")

    def as_dict(self) -> dict:
        """The bounds by field name (the target apart: ``target.as_dict()``)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "target"}

    @property
    def bounds_target(self) -> bool:
        """Whether any bound is on the target's figures."""
        return any(getattr(self, name) is not None for name in TARGET_BOUNDS)


def halving_rungs(search_config, epochs: int) -> Optional[List[int]]:
    """The epochs of each successive-halving rung (the last is ``epochs``), or None when halving
    is off. ``ConfigError`` naming ``halving_min_epochs`` when the first rung is not below
    ``epochs`` (the training config's, known only once both configs are read)."""
    eta = getattr(search_config, "halving_eta", None)
    low = getattr(search_config, "halving_min_epochs", None)
    if eta is None or low is None:
        return None
    if low >= epochs:
        raise ConfigError(f"{type(search_config).__name__}.halving_min_epochs: must be < the "
                          f"training epochs ({epochs}), the final rung (got {low!r})")
    rungs = []
    while low < epochs:
        rungs.append(low)
        low *= eta
    return rungs + [epochs]


def _check_search_space(obj):
    space = obj.search_space
    for attr in ("schema", "random_architecture", "produce_morphs"):
        if not hasattr(space, attr):
            _fail(obj, "search_space", f"must be a SearchSpace (no attribute {attr!r})")


def _path(obj, name):
    if not isinstance(getattr(obj, name), (str, Path)) or not str(getattr(obj, name)):
        _fail(obj, name, "must be a directory path")
