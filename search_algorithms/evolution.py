"""Aging evolution (regularised evolution), μNAS flavour: the *oracle* of the search.

It decides what to try next and owns the search state; it never trains anything, imports neither
Keras nor Ray, and draws every random number from one seeded ``np.random.Generator`` whose state is
saved with the search, so a resumed search draws what an uninterrupted one would have.

Interface (as Ray Tune's Searcher): ``suggest()`` -> a new ``Point`` (or ``None``: nothing to do
until a result arrives), ``on_result(point)`` with the scored or failed point, ``retry(point)`` when
a worker was lost, ``get_state()``/``set_state()`` as JSON-able dicts.
"""
from __future__ import annotations

import logging
import time
from collections import deque
from typing import Any, Callable, Deque, Dict, List, Mapping, Optional

import numpy as np

from search_algorithms.points import (OBJECTIVE_BOUNDS, Point, active_objectives,
                                      active_target_objectives, in_bounds,
                                      mo_fitness)

log = logging.getLogger("uNAS.search")

ALGORITHM = "aging_evolution"
SPARSITY_STEP = 0.05  # std-dev of the sparsity perturbation of a child (μNAS)


def effective_bounds(bounds: Mapping[str, Any], pruning) -> Dict[str, Any]:
    """The bounds the search optimises: with unstructured pruning only error and model size count.

    (A sparse kernel saves storage, but a dense runtime still computes and stores the full
    activations, so peak memory and MACs of an unstructured-pruned model mean nothing.)
    """
    bounds = dict(bounds)
    if pruning is not None and not pruning.structured:
        ignored = [k for k in ("peak_mem_bound", "mac_bound") if bounds.get(k) is not None]
        if ignored:
            log.warning("Unstructured pruning: only the error and model size objectives are "
                        "optimised; ignoring %s.", " and ".join(ignored))
        bounds["peak_mem_bound"] = None
        bounds["mac_bound"] = None
    if not active_objectives(bounds):
        raise ValueError("no objective left to optimise: set error_bound or model_size_bound")
    return bounds


class AgingEvolution:
    """The population, the history and the candidates in flight of one aging-evolution search.

    - The first ``initial_population_size`` candidates are random architectures (with a uniform
      random sparsity in [min, max] when pruning).
    - After that, each candidate is a child: ``sample_size`` members are drawn from the population,
      the one with the best multi-objective fitness (fresh weights per draw) is the parent, and the
      child is one random morphism of it (sparsity perturbed by N(0, 0.05), clipped).
    - Each result joins the history; a successful one joins the population, whose oldest member
      then leaves once it holds more than ``population_size``. Failed points stay in the history
      but never become parents.
    - Evaluation is asynchronous: once all initial candidates are proposed, a free worker gets a
      child of the population as it stands (μNAS instead idled until the last initial candidate
      finished). While no candidate has succeeded yet, more random ones are drawn.
    - ``rounds`` counts evaluated points, failed ones included.

    Search-cost options (issue 21), off unless given: ``screen`` (a ``screening.Screen``: random
    draws and morphs far outside a resource bound are drawn again before a point is proposed) and
    ``halving`` (a ``halving.Halving``: new candidates train the first rung's epochs, promotions
    come first, only final-rung points join the population).
    """

    def __init__(self, search_space, *, bounds: Mapping[str, Any], rounds: int,
                 population_size: int = 100, sample_size: int = 25,
                 initial_population_size: Optional[int] = None, pruning=None, seed: int = 0,
                 max_retries: int = 1, clock: Callable[[], float] = time.time,
                 screen=None, halving=None):
        self.space = search_space
        self.bounds = dict(bounds)
        self.rounds = rounds
        self.population_size = population_size
        self.sample_size = sample_size
        self.initial_population_size = initial_population_size or population_size
        self.pruning = pruning
        self.max_retries = max_retries
        self.clock = clock
        self.screen = screen
        self.halving = halving
        self.rng = np.random.default_rng(seed)
        self.next_id = 0
        self.history: List[Point] = []
        self.population: Deque[Point] = deque()
        self.pending: Dict[int, Point] = {}   # proposed, no result yet
        self.queue: Deque[int] = deque()      # pending ids to (re)submit before anything new

    # --- proposing ---------------------------------------------------------------------------
    @property
    def num_running(self) -> int:
        return len(self.pending) - len(self.queue)

    def is_finished(self) -> bool:
        return len(self.history) >= self.rounds

    def suggest(self) -> Optional[Point]:
        """The next candidate to evaluate, or ``None`` when none is due until a result arrives."""
        if len(self.history) + self.num_running >= self.rounds:
            return None
        if self.queue:
            return self.pending[self.queue.popleft()]
        if len(self.history) + len(self.pending) >= self.rounds:
            return None
        point = self._promotion() if self.halving is not None else None
        if point is None:
            if not self.population or self._num_random() < self.initial_population_size:
                point = self._random_point()
            else:
                point = self._child_point()
            if self.halving is not None:
                point.rung, point.epochs = 0, self.halving.rungs[0]
        self.pending[point.id] = point
        return point

    def _promotion(self) -> Optional[Point]:
        source = self.halving.promotable(self.history, self.pending.values())
        if source is None:
            return None
        return self.halving.promotion(source, self._new_id(), self.clock())

    def _num_random(self) -> int:
        def random(p):
            return p.parent_id is None and p.origin is None and p.continues is None
        return sum(map(random, self.history)) + sum(map(random, self.pending.values()))

    def _new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def _screened(self, draw: Callable[[], tuple]) -> tuple:
        """``(arch, sparsity, screened counts or None)``: ``draw()`` itself without screening."""
        if self.screen is None:
            return (*draw(), None)
        return self.screen.draw(draw)

    def _random_draw(self) -> tuple:
        arch = self.space.random_architecture(self.rng)
        sparsity = None
        if self.pruning is not None:
            sparsity = float(self.rng.uniform(self.pruning.min_sparsity, self.pruning.max_sparsity))
        return arch, sparsity

    def _random_point(self) -> Point:
        arch, sparsity, screened = self._screened(self._random_draw)
        return Point(id=self._new_id(), arch=arch, sparsity=sparsity, screened=screened,
                     proposed_at=self.clock())

    def _morph(self, parent: Point) -> tuple:
        arch = self.space.random_morph(parent.arch, self.rng)
        sparsity = None
        if self.pruning is not None:
            low, high = self.pruning.min_sparsity, self.pruning.max_sparsity
            if parent.sparsity is None:
                sparsity = float(self.rng.uniform(low, high))
            else:
                step = self.rng.normal(0.0, SPARSITY_STEP)
                sparsity = float(np.clip(parent.sparsity + step, low, high))
        return arch, sparsity

    def _child_point(self) -> Point:
        parent = self.select_parent()
        arch, sparsity, screened = self._screened(lambda: self._morph(parent))
        return Point(id=self._new_id(), arch=arch, parent_id=parent.id, sparsity=sparsity,
                     screened=screened, proposed_at=self.clock())

    def select_parent(self) -> Point:
        """Tournament selection with μNAS's randomly weighted multi-objective fitness.

        The sample is drawn *with* replacement, as μNAS does (``np.random.choice(population,
        size=k)``): kept on purpose so selection pressure matches the paper's. Ties go to the
        earliest drawn member.
        """
        members = list(self.population)
        idx = self.rng.integers(0, len(members), size=self.sample_size)
        drawn = 1.0 - self.rng.random(len(OBJECTIVE_BOUNDS))  # in (0, 1]
        weights = dict(zip(OBJECTIVE_BOUNDS, drawn))
        targets = active_target_objectives(self.bounds)
        if targets:  # drawn after μNAS's four, so a search without target bounds is unchanged
            weights.update(zip(targets, 1.0 - self.rng.random(len(targets))))
        return max((members[i] for i in idx), key=lambda p: mo_fitness(p, self.bounds, weights))

    # --- results -----------------------------------------------------------------------------
    def on_result(self, point: Point) -> None:
        """Record a scored or failed point; a successful one (at the final rung, with successive
        halving) joins the population."""
        if point.id not in self.pending:
            raise KeyError(f"result for point {point.id}, which is not in flight")
        del self.pending[point.id]
        if point.id in self.queue:
            self.queue.remove(point.id)
        self.history.append(point)
        if point.ok and (self.halving is None or self.halving.is_final(point)):
            self.population.append(point)
            while len(self.population) > self.population_size:
                self.population.popleft()

    def retry(self, point: Point) -> bool:
        """A worker died evaluating ``point``: queue it again once; False when retries are spent."""
        if point.attempts >= self.max_retries + 1:
            return False
        self.pending[point.id] = point
        self.queue.appendleft(point.id)
        return True

    def in_bounds_recently(self, last: int = 25) -> tuple:
        recent = self.history[-last:]
        return sum(in_bounds(p, self.bounds) for p in recent), len(recent)

    # --- state -------------------------------------------------------------------------------
    def get_state(self) -> dict:
        return {
            "rng": self.rng.bit_generator.state,
            "next_id": self.next_id,
            "population": [p.id for p in self.population],
            "in_flight": [p.to_dict() for p in sorted(self.pending.values(), key=lambda p: p.id)],
            "points": [p.to_dict() for p in self.history],
        }

    def set_state(self, state: Mapping, decode_arch: Callable[[Mapping], Any]) -> None:
        """Restore from ``get_state()`` output; candidates that were in flight are queued again.

        Only ``points`` is required: without ``population`` the population is rebuilt from the
        latest ``population_size`` successful points, and without ``rng`` the generator keeps its
        seeded state (a state file written by hand or by another tool still resumes)."""
        if "rng" in state:
            self.rng.bit_generator.state = state["rng"]
        self.history = [Point.from_dict(p, decode_arch) for p in state["points"]]
        by_id = {p.id: p for p in self.history}
        if "population" in state:
            missing = [i for i in state["population"] if i not in by_id or not by_id[i].ok]
            if missing:
                raise ValueError(f"population lists points that are not successful points: "
                                 f"{missing}")
            members = [by_id[i] for i in state["population"]]
        else:
            members = [p for p in self.history if p.ok and (
                self.halving is None or self.halving.is_final(p))][-self.population_size:]
        self.population = deque(members)
        self.pending = {}
        self.queue = deque()
        for d in state.get("in_flight", []):
            self._requeue(Point.from_dict(d, decode_arch))
        self.next_id = max([state.get("next_id", 0), *[p.id + 1 for p in self.history]])

    def replay(self, event: Mapping, decode_arch: Callable[[Mapping], Any]) -> None:
        """Apply one journal event (see ``state.py``) recorded after the snapshot."""
        point = Point.from_dict(event["point"], decode_arch)
        if event["event"] == "propose":
            if point.id not in self.pending and all(p.id != point.id for p in self.history):
                self._requeue(point)
            self.rng.bit_generator.state = event["rng"]
            self.next_id = max(self.next_id, point.id + 1)
        elif event["event"] == "result":
            if point.id not in self.pending:  # already recorded (a retried duplicate)
                return
            self.on_result(point)
        else:
            raise ValueError(f"unknown journal event {event['event']!r}")

    def _requeue(self, point: Point) -> None:
        """Queue a candidate that was in flight when the search stopped. Its attempt count restarts:
        the search stopping is not the candidate's fault (worker deaths are what it counts)."""
        point.attempts = 0
        self.pending[point.id] = point
        self.queue.append(point.id)
