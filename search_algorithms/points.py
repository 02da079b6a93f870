"""The one record type of a search: a ``Point`` is a candidate, then its evaluation.

The same record is proposed by the search algorithm, trained by a worker, stored in the state file,
read back by ``search_state_processor`` and exported from a notebook. Objectives are named, never
positional: ``val_error`` and the three resource features ``peak_memory_usage``, ``model_size`` and
``macs``, each paired with its ``BoundConfig`` field; beyond μNAS's, the target's predicted figures
(``target_features``: RAM, flash, instructions, milliseconds), bounded by ``BoundConfig.target_*``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Callable, Dict, List, Mapping, Optional

PENDING, OK, FAILED = "pending", "ok", "failed"
STATUSES = (PENDING, OK, FAILED)

RESOURCE_FEATURES = ("peak_memory_usage", "model_size", "macs")
#: objective name -> the ``BoundConfig`` field that bounds it.
OBJECTIVE_BOUNDS = {
    "val_error": "error_bound",
    "peak_memory_usage": "peak_mem_bound",
    "model_size": "model_size_bound",
    "macs": "mac_bound",
}
#: The target's predicted figures every point records (``Point.target_features``): the .tflite's
#: bytes, TFLM's arena head, tail and total and the smallest arena, then what the bounds compare:
#: RAM (the smallest arena that runs the model + stack), flash (the model + the runtime's bytes the config states),
#: instructions per inference and milliseconds (None where the target or the config has none).
TARGET_FEATURES = ("tflite_bytes", "arena_head_bytes", "arena_tail_bytes", "arena_total_bytes",
                   "min_arena_bytes", "ram_bytes", "flash_bytes", "instructions", "latency_ms")
#: target objective -> the ``BoundConfig`` field that bounds it (None by default: μNAS's search).
TARGET_OBJECTIVE_BOUNDS = {
    "ram_bytes": "target_ram_bound",
    "flash_bytes": "target_flash_bound",
    "instructions": "target_instructions_bound",
    "latency_ms": "target_latency_ms_bound",
}
ALL_OBJECTIVE_BOUNDS = {**OBJECTIVE_BOUNDS, **TARGET_OBJECTIVE_BOUNDS}
OBJECTIVES = tuple(OBJECTIVE_BOUNDS)
TRANSIENT = frozenset({"init_weights"})   # Point fields never written to the state


@dataclass
class Point:
    """A candidate architecture (with its target sparsity when pruning) and, once trained, its scores.

    ``arch`` is an ``Architecture`` value; everything else is plain data. ``parent_id`` is the id of the
    point it was morphed from (``None`` for a random one). ``origin`` says who chose a point that has
    no parent: ``None`` (random) or ``"acquisition"`` (Bayesian optimisation). ``epochs``: how many
    epochs to train it (multi-fidelity BO); ``None`` trains the training config's number.
    ``onednn_disabled``: trained in a worker with TensorFlow's oneDNN graph rewrites off
    (``TF_ENABLE_ONEDNN_OPTS=0``), because its first worker crashed or, for a successive-halving
    promotion, because the point it continues was trained so. ``target_features``: the
    config's target's predicted figures (``TARGET_FEATURES``; None when not predicted). Times are
    Unix seconds.
    """
    id: int
    arch: Any
    parent_id: Optional[int] = None
    origin: Optional[str] = None
    sparsity: Optional[float] = None
    epochs: Optional[int] = None
    screened: Optional[Dict[str, int]] = None
    rung: Optional[int] = None
    continues: Optional[int] = None
    start_epoch: Optional[int] = None
    status: str = PENDING
    val_error: Optional[float] = None
    test_error: Optional[float] = None
    resource_features: Optional[Dict[str, int]] = None
    target_features: Optional[Dict[str, Any]] = None
    error: Optional[str] = None
    train_seconds: Optional[float] = None
    epochs_run: Optional[int] = None
    attempts: int = 0
    onednn_disabled: bool = False
    proposed_at: Optional[float] = None
    finished_at: Optional[float] = None
    init_weights: Optional[bytes] = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.status == OK

    def objective(self, name: str) -> Optional[float]:
        """The value of one objective (``val_error``, a resource feature or a target figure);
        ``None`` if not scored."""
        if name == "val_error":
            return self.val_error
        if name in TARGET_FEATURES:
            return None if self.target_features is None else self.target_features.get(name)
        if name not in RESOURCE_FEATURES:
            raise KeyError(f"unknown objective {name!r}; known: {list(ALL_OBJECTIVE_BOUNDS)}")
        return None if self.resource_features is None else self.resource_features.get(name)

    def completed(self, *, val_error, test_error, resource_features, train_seconds=None,
                  epochs_run=None, finished_at=None, target_features=None) -> "Point":
        """This point, scored."""
        return replace(self, status=OK, val_error=float(val_error),
                       test_error=_float_or_none(test_error),
                       resource_features={k: int(resource_features[k]) for k in RESOURCE_FEATURES},
                       target_features=_target_features(target_features),
                       error=None, train_seconds=_float_or_none(train_seconds),
                       epochs_run=None if epochs_run is None else int(epochs_run),
                       finished_at=_float_or_none(finished_at))

    def failed(self, reason: str, *, train_seconds=None, finished_at=None) -> "Point":
        """This point, recorded as failed with a one-line reason."""
        reason = " ".join(str(reason).split()) or "unknown error"
        return replace(self, status=FAILED, val_error=None, test_error=None,
                       resource_features=None, target_features=None, error=reason[:2000],
                       train_seconds=_float_or_none(train_seconds),
                       finished_at=_float_or_none(finished_at))

    # --- JSON ----------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        d = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in TRANSIENT}
        d["arch"] = self.arch.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: Mapping, decode_arch: Callable[[Mapping], Any]) -> "Point":
        known = {f.name for f in fields(cls)} - TRANSIENT
        missing = {"id", "arch"} - set(d)
        if missing:
            raise ValueError(f"point is missing {sorted(missing)}")
        if d.get("status", PENDING) not in STATUSES:
            raise ValueError(f"point {d['id']}: unknown status {d.get('status')!r}")
        values = {k: v for k, v in d.items() if k in known}
        values["arch"] = decode_arch(d["arch"])
        return cls(**values)


def _float_or_none(x) -> Optional[float]:
    return None if x is None else float(x)


def _target_features(figures) -> Optional[Dict[str, Any]]:
    if figures is None:
        return None
    return {k: (None if figures.get(k) is None
                else float(figures[k]) if k == "latency_ms" else int(figures[k]))
            for k in TARGET_FEATURES}


# --- bounds and fitness (Pareto fronts: search_algorithms.pareto) -----------------------------
def active_objectives(bounds: Mapping[str, Optional[float]]) -> List[str]:
    """Objectives whose bound is set (``bounds`` is ``BoundConfig.as_dict()``): μNAS's in their
    order, then the target's."""
    return [name for name, b in ALL_OBJECTIVE_BOUNDS.items() if bounds.get(b) is not None]


def active_target_objectives(bounds: Mapping[str, Optional[float]]) -> List[str]:
    """The target objectives whose bound is set."""
    return [name for name, b in TARGET_OBJECTIVE_BOUNDS.items() if bounds.get(b) is not None]


def in_bounds(point: Point, bounds: Mapping[str, Optional[float]]) -> bool:
    """Whether a successful point meets every bound that is set (a target figure that was not
    predicted does not meet its bound)."""
    if not point.ok:
        return False
    for name in active_objectives(bounds):
        value = point.objective(name)
        if value is None or value > bounds[ALL_OBJECTIVE_BOUNDS[name]]:
            return False
    return True


def normalised_objectives(point: Point, bounds: Mapping[str, Optional[float]],
                          cap: float = 10.0) -> Dict[str, float]:
    """Each bounded objective divided by its bound, capped at ``cap`` (μNAS: 1 = on the bound)."""
    return {name: (cap if point.objective(name) is None
                   else min(point.objective(name) / bounds[ALL_OBJECTIVE_BOUNDS[name]], cap))
            for name in active_objectives(bounds)}


def mo_fitness(point: Point, bounds: Mapping[str, Optional[float]],
               weights: Mapping[str, float]) -> float:
    """μNAS's multi-objective fitness: ``-max_i(normalised_i / weight_i)`` (higher is better).

    ``weights`` are drawn afresh for every selection, in (0, 1]; a small weight makes its objective
    dominate that selection, so over many selections the search covers the whole Pareto front.
    """
    norm = normalised_objectives(point, bounds)
    return -max(v / weights[name] for name, v in norm.items())
