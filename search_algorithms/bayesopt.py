"""Bayesian optimisation (μNAS's dragonfly search) as an ask/tell oracle on the shared search wiring.

``BayesOpt(name, search_config, training_config, bound_config).search(load_from, save_every)`` runs
on the same Ray worker pool, display, kept weights and JSON state (snapshot + journal) as aging
evolution; its state file is ``<checkpoint_dir>/<name>_bo_search_state.json``.

What it proposes (μNAS's BO):
- the first ``starting_points`` candidates are random architectures (and sparsities);
- then each candidate maximises a Thompson-sampling acquisition: a GP over (network[, sparsity])
  with dragonfly's OTMANN kernel models the validation error; a candidate scores
  ``-max_i(min(f_i / bound_i, 10) / lambda_i)`` over the bounded objectives, where the error is one
  posterior sample (the points in flight hallucinated) and the resources are the candidate's
  figures (with a sparsity, μNAS's estimate: the model size times ``1 - sparsity``, the unpruned
  peak memory and MACs), with ``lambda ~ U(0, 1)^4`` drawn afresh per ask (the random
  scalarisation);
- the acquisition is maximised by an aging-evolution GA: ``ga_population`` (100) random
  candidates, then children of the best of ``ga_sample`` (25) drawn from the latest 100, up to the
  acquisition budget (dragonfly's: 300 evaluations for network domains);
- multi-fidelity (``fidelity=(min_epochs, max_epochs)``, μNAS: 30 %..100 % of the training
  epochs): each point also says how many epochs to train it (``Point.epochs``); starting points
  train the full number with probability 0.5, else a uniformly drawn one; after them the GP
  models (epochs, candidate), the acquisition samples it at the full epochs, and dragonfly's BOCA
  picks the epochs for the chosen candidate.

The oracle never serialises dragonfly objects: its GP is rebuilt from the evaluated points (see
``dragonfly_adapters.gp``), and every random number of an ask comes from numpy's global RNG seeded
from the oracle's own generator, whose state is journaled, so a resumed search asks what the
uninterrupted one would have. Dragonfly is imported on the first ask, never by this module.
"""
from __future__ import annotations

import functools
import logging
import math
import time
from typing import Dict, List, Optional, Tuple

import numpy as np

from search_algorithms.aging_evolution import AgingEvoSearch
from search_algorithms.evolution import AgingEvolution
from search_algorithms.points import (ALL_OBJECTIVE_BOUNDS, OBJECTIVE_BOUNDS, Point,
                                      active_target_objectives)
from search_algorithms.state import BO_STATE_SUFFIX

log = logging.getLogger("uNAS.search")

ALGORITHM = "bayesian_optimisation"
NORMALISED_CAP = 10.0
GA_WINDOW = 100  # the GA draws its tournament from the latest 100 evaluated candidates


def default_acq_budget(num_proposed: int, dim: int) -> int:
    """dragonfly's acquisition budget for GA optimisers on network domains."""
    factor = min(5, dim) ** 2
    return int(np.clip(factor * math.sqrt(min(num_proposed, 1000)), 300, 1000))


class BayesOptimisation(AgingEvolution):
    """The BO oracle. It keeps aging evolution's bookkeeping (history, candidates in flight,
    retries, ``get_state``/``set_state``, journal ``replay``; the "population" is only the latest
    success, which tells that the GP has data) and replaces how a candidate after the starting
    points is chosen: by the acquisition, once at least two candidates have succeeded.

    ``fast=False`` uses dragonfly's own posterior sampling per candidate (the straightforward
    computation); ``fast=True`` gives the same samples with shared work done once per ask.

    ``asks_ahead``: the search loop asks for the next candidate while every worker trains (μNAS's
    BO determines its next query before waiting for a free worker), so an ask costs the search
    no wall time unless it outlasts the training in flight.
    """

    asks_ahead = True

    def __init__(self, search_space, *, bounds, rounds: int, starting_points: int = 15,
                 pruning=None, seed: int = 0, hp_criterion: str = "ml-post_sampling",
                 refit_every: int = 17, acq_max_evals: Optional[int] = None,
                 ga_population: int = 100, ga_sample: int = 25, fast: bool = True,
                 fidelity: Optional[Tuple[int, int]] = None, max_retries: int = 1,
                 clock=time.time, screen=None, target: Optional[dict] = None):
        super().__init__(search_space, bounds=bounds, rounds=rounds, population_size=1,
                         sample_size=1, initial_population_size=starting_points, pruning=pruning,
                         seed=seed, max_retries=max_retries, clock=clock, screen=screen)
        self.seed = seed
        self.hp_criterion = hp_criterion
        self.refit_every = refit_every
        self.acq_max_evals = acq_max_evals
        self.ga_population = ga_population
        self.ga_sample = ga_sample
        self.fast = fast
        if fidelity is not None and not 1 <= fidelity[0] <= fidelity[1]:
            raise ValueError(f"fidelity must be (min_epochs, max_epochs) with 1 <= min <= max, "
                             f"got {fidelity}")
        self.fidelity = None if fidelity is None else (int(fidelity[0]), int(fidelity[1]))
        self._model = None
        self._told = 0                           # history points already given to the model
        self._candidates: Dict[int, object] = {}  # point id -> CandidateNetwork
        self.ask_seconds: List[float] = []
        self.target = target                      # TargetConfig.as_dict(), for target bounds
        self._target_figures: Dict[str, dict] = {}  # architecture key -> predicted figures

    # --- the model -----------------------------------------------------------------------------
    @property
    def sparsity_bounds(self):
        if self.pruning is None:
            return None
        return (self.pruning.min_sparsity, self.pruning.max_sparsity)

    def model(self):
        """The error model with every successful evaluated point told, in history order."""
        if self._model is None:
            from dragonfly_adapters.gp import ErrorModel
            self._model = ErrorModel(sparsity_bounds=self.sparsity_bounds,
                                     criterion=self.hp_criterion, refit_every=self.refit_every,
                                     seed=self.seed, fidelity=self.fidelity)
            self._told = 0
        for p in self.history[self._told:]:
            if p.ok and p.val_error is not None and math.isfinite(p.val_error):
                self._model.add(self._candidate(p), p.sparsity, -p.val_error, epochs=p.epochs)
        self._told = len(self.history)
        return self._model

    def _candidate(self, point: Point):
        cand = self._candidates.get(point.id)
        if cand is None:
            from dragonfly_adapters.network import CandidateNetwork
            cand = self._candidates[point.id] = CandidateNetwork(point.arch, self.space)
        return cand

    def set_state(self, state, decode_arch) -> None:
        super().set_state(state, decode_arch)
        self._model, self._told, self._candidates = None, 0, {}

    # --- proposing -----------------------------------------------------------------------------
    def _random_point(self) -> Point:
        """A random architecture (and sparsity); with multi-fidelity also its epochs: the full
        number with probability 0.5 (μNAS's setting), else uniform over the fidelity range."""
        point = super()._random_point()
        if self.fidelity is not None:
            low, high = self.fidelity
            full = self.rng.random() < 0.5
            point.epochs = high if full else int(self.rng.integers(low, high + 1))
        return point

    def _child_point(self) -> Point:
        """A candidate chosen by the acquisition (a random one while fewer than two succeeded)."""
        if sum(p.ok for p in self.history) < 2:
            return self._random_point()
        start = time.perf_counter()
        ask_seed = int(self.rng.integers(2 ** 32))
        if self.fidelity is None:
            (arch, sparsity), epochs = self.acquire(ask_seed), None
        else:
            arch, sparsity, epochs = self.acquire_with_fidelity(ask_seed)
        self.ask_seconds.append(time.perf_counter() - start)
        point = Point(id=self._new_id(), arch=arch, sparsity=sparsity, origin="acquisition",
                      epochs=epochs, proposed_at=self.clock())
        log.info("BO ask for #%d took %.1f s (%d evaluated, %d in flight)", point.id,
                 self.ask_seconds[-1], len(self.history), len(self.running_points()))
        return point

    def running_points(self) -> List[Point]:
        queued = set(self.queue)
        return [p for i, p in sorted(self.pending.items()) if i not in queued]

    def acquire(self, ask_seed: int):
        """(architecture, sparsity) maximising one draw of the acquisition; all randomness from
        numpy's global RNG seeded with ``ask_seed``."""
        from dragonfly_adapters.gp import seeded_numpy
        from dragonfly_adapters.numpy_compat import numpy_patched

        model = self.model()
        with seeded_numpy(ask_seed), numpy_patched():
            return self._maximise(*self._acquisition(model, model.gp()))

    def acquire_with_fidelity(self, ask_seed: int):
        """(architecture, sparsity, epochs): the candidate maximising one draw of the acquisition
        on the GP at the full epochs, and the epochs BOCA picks for it."""
        from dragonfly_adapters.gp import Boca, seeded_numpy
        from dragonfly_adapters.network import CandidateNetwork
        from dragonfly_adapters.numpy_compat import numpy_patched

        model = self.model()
        full = self.fidelity[1]
        at_full = [p.epochs is None or p.epochs >= full for p in self.history]
        y_range = (max(model.Y) - min(model.Y)) if len(model.Y) > 1 else 1.0
        with seeded_numpy(ask_seed), numpy_patched():
            boca = Boca(model)
            coeff = boca.threshold_coefficient(at_full, self.initial_population_size)
            gp = model.gp()
            chosen = {}

            def select(_fidel_to_opt_gp):
                arch, sparsity = self._maximise(*self._acquisition(model, gp))
                chosen["point"] = (arch, sparsity)
                return model.point(CandidateNetwork(arch, self.space), sparsity)

            epochs, _ = boca.choose(gp, select, coeff=coeff, y_range=y_range)
        arch, sparsity = chosen["point"]
        return arch, sparsity, epochs

    def _acquisition(self, model, gp):
        """(acquisition function, budget) for one ask: one Thompson sample of the error (at the
        full epochs with multi-fidelity) and the exact resources under a random scalarisation.
        Call with numpy's global RNG seeded and numpy patched."""
        from dragonfly_adapters.gp import thompson_sampler

        running = self.running_points()
        if model.multifidelity:
            in_flight = [(model.fidel(p.epochs), model.point(self._candidate(p), p.sparsity))
                         for p in running]
        else:
            in_flight = [model.point(self._candidate(p), p.sparsity) for p in running]
        sample = thompson_sampler(gp, in_flight, model.distance, fast=self.fast,
                                  fidel_to_opt=model.fidel_to_opt if model.multifidelity
                                  else None)
        lambdas = np.random.uniform(0.0, 1.0, size=len(OBJECTIVE_BOUNDS))
        weights = dict(zip(OBJECTIVE_BOUNDS, lambdas))
        targets = active_target_objectives(self.bounds)
        if targets:  # drawn after μNAS's four: a search without target bounds is unchanged
            weights.update(zip(targets, np.random.uniform(0.0, 1.0, size=len(targets))))

        bounded = [(name, b) for name, b in ALL_OBJECTIVE_BOUNDS.items()
                   if self.bounds.get(b) is not None]
        # The error's term is at most NORMALISED_CAP / its weight: a candidate whose resource
        # terms reach that scores the same whatever the sample (fast path: not drawn, the RNG
        # advanced as a draw would advance it).
        error_cap = (NORMALISED_CAP / weights["val_error"]
                     if ("val_error", "error_bound") in bounded else -np.inf)
        skip = getattr(sample, "skip", None) if self.fast else None

        def acquisition(cand, sparsity) -> float:
            values = cand.resources_at(sparsity)
            if targets:
                values.update(self._target_of(cand))
            if skip is not None:
                resource_terms = [min(values[name] / self.bounds[b], NORMALISED_CAP)
                                  / weights[name] for name, b in bounded if name != "val_error"]
                if resource_terms and max(resource_terms) >= error_cap:
                    skip(model.point(cand, sparsity))
                    return -max(resource_terms)
            values["val_error"] = -sample(model.point(cand, sparsity))
            terms = [min(values[name] / self.bounds[b], NORMALISED_CAP) / weights[name]
                     for name, b in bounded]
            return -max(terms)

        dim = model.domain.get_dim()
        budget = self.acq_max_evals or default_acq_budget(self.next_id, dim)
        return acquisition, budget

    def _target_of(self, cand) -> dict:
        """The target's figures predicted for a candidate's unpruned architecture (cached: the
        acquisition's GA meets the same candidates again)."""
        figures = self._target_figures.get(cand.key)
        if figures is None:
            figures = self.space.target_features(cand.arch, self.target)
            self._target_figures[cand.key] = figures
        return figures

    def _maximise(self, acquisition, budget: int):
        """μNAS's aging-evolution GA over candidates (the acquisition optimiser)."""
        from dragonfly_adapters.network import CandidateNetwork

        gen = np.random.default_rng(np.random.randint(2 ** 31))
        cache: Dict[str, object] = {}

        def wrap(arch):
            from dragonfly_adapters.network import arch_key
            key = arch_key(arch)
            if key not in cache:
                cache[key] = CandidateNetwork(arch, self.space)
            return cache[key]

        low_high = self.sparsity_bounds
        evaluated: List[tuple] = []  # (value, arch, sparsity)
        best = None

        def evaluate(arch, sparsity):
            nonlocal best
            try:
                value = acquisition(wrap(arch), sparsity)
            except ValueError as e:  # a candidate the resource model rejects
                log.debug("acquisition skipped a candidate: %s", e)
                value = -np.inf
            evaluated.append((value, arch, sparsity))
            if best is None or value > best[0]:
                best = (value, arch, sparsity)

        initial = min(self.ga_population, budget)
        sparsities = self._initial_sparsities(initial)
        for i in range(initial):
            evaluate(self.space.random_architecture(gen), sparsities[i])
        for _ in range(budget - initial):
            window = evaluated[-GA_WINDOW:]
            drawn = np.random.choice(len(window), size=self.ga_sample)
            parent = max((window[i] for i in drawn), key=lambda e: e[0])
            child = self.space.random_morph(parent[1], gen)
            sparsity = parent[2]
            if low_high is not None:
                from dragonfly_adapters.numpy_compat import import_dragonfly_module
                ga = import_dragonfly_module("dragonfly.opt.cp_ga_optimiser")
                sparsity = float(ga.euclidean_gauss_mutation(np.array([sparsity]),
                                                             [list(low_high)])[0])
            evaluate(child, sparsity)
        return best[1], best[2]

    def _initial_sparsities(self, n: int) -> list:
        """Latin-hypercube sparsities for the GA's random candidates (dragonfly's initial design
        for Euclidean dimensions); ``None`` without pruning."""
        if self.sparsity_bounds is None:
            return [None] * n
        low, high = self.sparsity_bounds
        unit = (np.random.permutation(n) + np.random.random(n)) / n
        return [float(low + u * (high - low)) for u in unit]


class BayesOpt(AgingEvoSearch):
    """One Bayesian-optimisation search: the ``BayesOptimisation`` oracle on the search wiring of
    ``AgingEvoSearch`` (Ray pool, display, state store, kept weights); same keyword options."""

    algorithm = ALGORITHM
    state_suffix = BO_STATE_SUFFIX

    @property
    def fidelity(self) -> Optional[Tuple[int, int]]:
        """μNAS's epoch range for multi-fidelity: 30 % (at least 1) to 100 % of the training
        epochs; ``None`` without ``multifidelity``."""
        if not getattr(self.config, "multifidelity", False):
            return None
        epochs = int(self.training_config.epochs)
        return (max(1, int(0.3 * epochs)), epochs)

    def _evaluator_factory(self, threads, training_config=None):
        """As μNAS's BO: a pruned candidate's model size counts its non-zero weights
        (``model_size(sparse=True)``) for structured pruning too, where aging evolution counts the
        reduced network's weights."""
        factory = super()._evaluator_factory(threads, training_config)
        if self.evaluator_factory is not None or self.pruning is None:
            return factory
        return functools.partial(factory, sparse_size=True)

    def new_oracle(self) -> BayesOptimisation:
        c = self.config
        return BayesOptimisation(self.space, bounds=self.bounds, rounds=c.rounds,
                                 starting_points=c.starting_points, pruning=self.pruning,
                                 seed=self.seed, hp_criterion=c.gp_hp_criterion,
                                 refit_every=c.refit_every, acq_max_evals=c.acq_max_evals,
                                 fidelity=self.fidelity, screen=self.screen(),
                                 target=self.bound_config.target.as_dict())


#: The name this project used before BO was built.
BayesOptSearch = BayesOpt
