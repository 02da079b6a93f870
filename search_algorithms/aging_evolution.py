"""Aging evolution search (μNAS): configuration in, evaluated points (and a state file) out.

``AgingEvoSearch(name, search_config, training_config, bound_config).search(load_from, save_every)``
wires the pieces together: the ``AgingEvolution`` oracle (what to try next), a pool of Ray actors
each running a ``CandidateEvaluator`` (train + score one candidate), the ``StateStore`` (JSON
snapshot + journal in ``checkpoint_dir``), the ``WeightsKeeper`` and a display.
"""
from __future__ import annotations

import dataclasses
import functools
import logging
import time
from pathlib import Path
from typing import Any, Callable, List, Optional

from config import halving_rungs
from search_algorithms.evolution import ALGORITHM, AgingEvolution, effective_bounds
from search_algorithms.halving import ContinuingPool, Halving, RungWeights, rung_weights_dir
from search_algorithms.points import Point
from search_algorithms.runner import run_search
from search_algorithms.screening import Screen
from search_algorithms.state import (STATE_SUFFIX, STATE_VERSION, StateFileError, StateStore, jsonable,
                                     read_state, state_path, weights_dir)
from search_algorithms.weights import WeightsKeeper
from search_algorithms.workers import (WORKER_START_TIMEOUT_S, InlinePool, RayPool, Recycling,
                                       default_workers, start_ray, worker_resources)

log = logging.getLogger("uNAS.search")


class AgingEvoSearch:
    """One aging-evolution search.

    Keyword options beyond μNAS's signature: ``seed`` (search and training randomness),
    ``ray_address`` (join an existing Ray cluster instead of starting a local one), ``use_ray``
    (False: evaluate in this process, one at a time, for debugging), ``display`` (a
    ``search_algorithms.display`` object), ``evaluator_factory`` (zero-argument callable run in each
    worker that returns the evaluator; default: a ``CandidateEvaluator`` for the configs),
    ``max_consecutive_failures`` (abort when that many candidates in a row fail; None: never).
    """

    algorithm = ALGORITHM
    state_suffix = STATE_SUFFIX

    def __init__(self, experiment_name: str, search_config, training_config, bound_config, *,
                 seed: int = 0, ray_address: Optional[str] = None, use_ray: bool = True,
                 display=None, evaluator_factory: Optional[Callable[[], Any]] = None,
                 max_consecutive_failures: Optional[int] = 10):
        self.experiment_name = experiment_name
        self.config = search_config
        self.training_config = training_config
        self.bound_config = bound_config
        self.space = search_config.search_space
        self.pruning = training_config.pruning
        self.bounds = effective_bounds(bound_config.as_dict(), self.pruning)
        self.seed = seed
        self.ray_address = ray_address
        self.use_ray = use_ray
        self.display = display
        self.evaluator_factory = evaluator_factory
        self.max_consecutive_failures = max_consecutive_failures
        self.state_path = state_path(search_config.checkpoint_dir, experiment_name,
                                     self.state_suffix)
        self.weights_dir = weights_dir(self.state_path)
        self.history: List[Point] = []
        rungs = halving_rungs(search_config, training_config.epochs)  # ConfigError if wrong
        self.halving = None if rungs is None else Halving(rungs, search_config.halving_eta)
        if self.halving is not None and self.pruning is not None:
            log.warning("Successive halving with pruning: a promoted candidate is trained again "
                        "from scratch for its rung's epochs (DPF's pruning schedule spans the "
                        "whole training, so it cannot continue from the rung below).")

    # ------------------------------------------------------------------------------------------
    def new_oracle(self) -> AgingEvolution:
        c = self.config
        return AgingEvolution(self.space, bounds=self.bounds, rounds=c.rounds,
                              population_size=c.population_size, sample_size=c.sample_size,
                              initial_population_size=c.initial_population_size,
                              pruning=self.pruning, seed=self.seed, screen=self.screen(),
                              halving=self.halving)

    def screen(self) -> Optional[Screen]:
        """The config's bound-aware proposals (``screen_factor``), or None when off."""
        factor = getattr(self.config, "screen_factor", None)
        if factor is None:
            return None
        return Screen(self.space, self.bounds, factor, self.config.screen_max_draws,
                      pruning=self.pruning, target=self.bound_config.target.as_dict())

    def header(self) -> dict:
        """The static part of the state file."""
        c, t = self.config, self.training_config
        space = self.space
        return {
            "version": STATE_VERSION,
            "algorithm": self.algorithm,
            "name": self.experiment_name,
            "bounds": self.bounds,
            "seed": self.seed,
            "weights_dir": self.weights_dir.name,
            "search_space": {
                "class": f"{type(space).__module__}:{type(space).__qualname__}",
                "name": getattr(space, "name", ""),
                "input_shape": None if space.input_shape is None else list(space.input_shape),
                "num_classes": space.num_classes,
                "dropout": getattr(space, "dropout", 0.0),
            },
            "config": jsonable({
                "search": {f.name: getattr(c, f.name) for f in dataclasses.fields(c)
                           if f.name != "search_space"},
                "training": {
                    "dataset": type(t.dataset).__name__,
                    "epochs": t.epochs,
                    "batch_size": t.batch_size,
                    "use_class_weight": t.use_class_weight,
                    "pruning": None if t.pruning is None else dataclasses.asdict(t.pruning),
                    "distillation": None if t.distillation is None else {
                        k: str(v) for k, v in dataclasses.asdict(t.distillation).items()},
                },
                "bounds_given": self.bound_config.as_dict(),
                "target": self.bound_config.target.as_dict(),
            }),
        }

    def restore(self, oracle: AgingEvolution, path) -> int:
        """Load ``path`` (snapshot + journal) into ``oracle``; returns the last journal seq."""
        snapshot, events = read_state(path, algorithm=self.algorithm)
        stored = snapshot.get("search_space", {}).get("name")
        if stored and getattr(self.space, "name", stored) != stored:
            raise StateFileError(f"{path}: the state is from the {stored!r} search space, the "
                                 f"config uses {self.space.name!r}")
        # States written before the target bounds existed lack their keys: None, as then.
        if {**dict.fromkeys(self.bounds), **snapshot["bounds"]} != self.bounds:
            log.warning("Bounds differ from the resumed state's %s; using the config's %s.",
                        snapshot["bounds"], self.bounds)
        decode = self.space.architecture_from_dict
        try:
            oracle.set_state(snapshot, decode)
            for event in events:
                oracle.replay(event, decode)
        except (KeyError, TypeError, ValueError) as e:
            raise StateFileError(f"{path}: not a valid search state file "
                                 f"({type(e).__name__}: {e})") from None
        return max([snapshot.get("journal_seq", 0), *[e["seq"] for e in events]])

    # ------------------------------------------------------------------------------------------
    def search(self, load_from=None, save_every: int = 5) -> List[Point]:
        """Run (or resume from ``load_from``) until ``rounds`` candidates are evaluated.

        Returns every evaluated point in evaluation order. The state is at ``self.state_path``.
        """
        oracle = self.new_oracle()
        seq = 0
        if load_from is not None:
            seq = self.restore(oracle, load_from)
            log.info("Loaded %d evaluated candidates (%d to re-run) from %s.",
                     len(oracle.history), len(oracle.pending), load_from)
        if self.display is None:
            from search_algorithms.display import LogDisplay
            self.display = LogDisplay(self.bounds)

        started_ray, store = False, None
        try:
            # Workers first: a search that cannot start leaves an earlier state file alone.
            if self.use_ray:
                started_ray = start_ray(self.ray_address)
                pool = self._ray_pool()
            else:
                pool = InlinePool(self._evaluator_factory(threads=None)())
            store, keeper = self._open_state(load_from, oracle, seq)
            if self.halving is not None:
                pool = ContinuingPool(pool, self.halving, self._rung_weights(load_from, oracle))
            log.info("Searching %s: %d of %d candidates evaluated, %d worker(s); state: %s",
                     self.experiment_name, len(oracle.history), oracle.rounds, pool.size,
                     self.state_path)
            run_search(oracle, pool, store, self.display, keeper=keeper, save_every=save_every,
                       max_consecutive_failures=self.max_consecutive_failures)
        finally:
            self.history = oracle.history
            if store is not None:
                store.close()
            if started_ray:
                import ray
                ray.shutdown()
        return oracle.history

    def _open_state(self, load_from, oracle: AgingEvolution, seq: int):
        """The state store and weights keeper of this search. A new search (or one resumed
        under another name) replaces whatever an earlier search left under this name."""
        resuming_in_place = (load_from is not None and Path(load_from).resolve()
                             == self.state_path.resolve())
        if not resuming_in_place and self.state_path.exists():
            log.warning("Replacing the search state %s (and its kept weights) with a new "
                        "search.", self.state_path)
        store = StateStore(self.state_path, self.header(), seq=seq)
        keeper = WeightsKeeper(self.weights_dir, self.bounds)
        if not resuming_in_place:
            keeper.clear()  # weights of an earlier search under this name
        if load_from is not None:
            keeper.adopt(weights_dir(load_from), [p.id for p in oracle.history])
        return store, keeper

    def _rung_weights(self, load_from, oracle: AgingEvolution) -> RungWeights:
        """Where the weights of points below the final rung wait for their promotion: this
        search's, emptied for a new search, adopted from the resumed one's under another name."""
        store = RungWeights(rung_weights_dir(self.weights_dir))
        resuming_in_place = (load_from is not None and Path(load_from).resolve()
                             == self.state_path.resolve())
        if not resuming_in_place:
            store.clear()
        if load_from is not None:
            store.adopt(rung_weights_dir(weights_dir(load_from)), [p.id for p in oracle.history])
        return store

    def _evaluator_factory(self, threads, training_config=None):
        if self.evaluator_factory is not None:
            return self.evaluator_factory
        from search_algorithms.evaluator import CandidateEvaluator
        return functools.partial(CandidateEvaluator, self.space,
                                 training_config or self.training_config,
                                 seed=self.seed, threads=threads,
                                 target=self.bound_config.target.as_dict(),
                                 target_bounded=self.bound_config.bounds_target)

    def _shared_data_config(self):
        """The training config with its dataset loaded here, once, to travel to the workers with
        its arrays (``Dataset.travelling_loaded``), or None where the dataset streams its data
        from files (each worker reads them) or ``share_dataset`` is off."""
        dataset = self.training_config.dataset
        if not getattr(self.config, "share_dataset", True) \
                or not hasattr(dataset, "travelling_loaded"):
            return None
        start = time.monotonic()
        shared = dataclasses.replace(self.training_config, dataset=dataset.travelling_loaded())
        log.info("Loaded %s once for the workers in %.1f s", type(dataset).__name__,
                 time.monotonic() - start)
        return shared

    def _ray_pool(self) -> RayPool:
        import ray
        resources = ray.cluster_resources()
        cpus, gpus = resources.get("CPU", 1.0), resources.get("GPU", 0.0)
        workers = (self.config.max_parallel_evaluations
                   or default_workers(cpus, gpus, resources.get("memory")))
        cpus_per_worker, gpus_per_worker = worker_resources(workers, cpus, gpus)
        threads = max(1, int(cpus_per_worker))
        return RayPool(self._evaluator_factory(threads, self._shared_data_config()), workers,
                       num_cpus=cpus_per_worker, num_gpus=gpus_per_worker,
                       recycling=Recycling.of(self.config),
                       start_timeout=getattr(self.config, "worker_start_timeout_s",
                                             WORKER_START_TIMEOUT_S))
