"""Where candidates are evaluated: Ray actors (the default) or this process (debugging, tests).

A pool runs an evaluator's ``evaluate(point)`` for several candidates at once and hands back
outcomes as they finish. It knows nothing of the search: the runner decides what to submit.
A Ray worker that dies is replaced at once; its candidate comes back as ``worker_lost``. A worker
that has grown past a memory limit, or served a set number of candidates, is replaced by a fresh one
between candidates (``Recycling``): TensorFlow keeps a little memory per model it ever built, which
over thousands of candidates would add up to gigabytes.

An evaluator returns the scored (or failed) ``Point``, or ``(point, weights)`` where ``weights`` is
the trained model's ``.weights.h5`` file as bytes. Weights travel back with the result (tiny models:
kilobytes), so workers on other machines of a Ray cluster need no shared file system.
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional

from search_algorithms.points import Point

log = logging.getLogger("uNAS.search")

MEMORY_PER_WORKER = 2 << 30      # a TF worker training a small CNN stays well under this
OBJECT_STORE_BYTES = 200 << 20   # candidates and results are small; keep Ray's store small too


@dataclass
class Outcome:
    """A finished evaluation: the returned ``point`` (and its trained ``weights`` file as bytes,
    if any), or the submitted point and ``worker_lost``, the reason its worker died.
    ``worker_pid``/``worker_rss`` say which process evaluated it and its resident memory (bytes)
    right after (Ray workers only)."""
    point: Point
    worker_lost: Optional[str] = None
    weights: Optional[bytes] = None
    worker_pid: Optional[int] = None
    worker_rss: Optional[int] = None


def release_free_memory() -> None:
    """Hand heap memory that the C allocator holds but no longer uses back to the system (glibc's
    ``malloc_trim``; nothing elsewhere), so that a worker's resident memory is what it uses."""
    import ctypes
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def resident_memory() -> int:
    """This process's resident set size in bytes."""
    import psutil
    return psutil.Process().memory_info().rss


@dataclass(frozen=True)
class Recycling:
    """When a Ray worker is retired and replaced by a fresh process, between two candidates:
    once its resident memory exceeds ``max_rss_mb`` MiB, or once it has evaluated
    ``max_candidates`` candidates (``None``: no such limit)."""
    max_rss_mb: Optional[float] = None
    max_candidates: Optional[int] = None

    @classmethod
    def of(cls, search_config) -> "Recycling":
        """The limits a search config sets (``worker_memory_limit_mb``,
        ``worker_max_candidates``); none for a config without those fields."""
        return cls(getattr(search_config, "worker_memory_limit_mb", None),
                   getattr(search_config, "worker_max_candidates", None))

    def reason(self, rss: Optional[int], served: int, growth: int = 0) -> Optional[str]:
        """Why a worker at ``rss`` bytes that has served ``served`` candidates must go, or None.
        ``growth``: the most bytes one candidate has added to this worker's resident memory so far
        (the pool tracks it per worker); a worker that one more such candidate would take past the
        memory limit goes now, so that it stays below the limit. (The largest growth, not the last:
        growth varies from candidate to candidate, and predicting from the last one let a worker
        pass the limit after a candidate that grew more than the one before.)"""
        if self.max_rss_mb is not None and rss is not None \
                and rss + max(growth, 0) > self.max_rss_mb * 2 ** 20:
            return (f"resident memory {rss / 2 ** 20:.0f} MiB (+{max(growth, 0) / 2 ** 20:.0f} MiB "
                    f"per candidate at most so far) would pass the limit of "
                    f"{self.max_rss_mb:g} MiB")
        if self.max_candidates is not None and served >= self.max_candidates:
            return f"served {served} candidates (limit {self.max_candidates})"
        return None


def _failed(point: Point, exc: BaseException) -> Point:
    return point.failed(f"{type(exc).__name__}: {exc}", finished_at=time.time())


def evaluate_safely(evaluator, point: Point) -> Outcome:
    """Run the evaluator; an exception it lets escape fails the candidate, not the search."""
    try:
        result = evaluator.evaluate(point)
    except Exception as e:  # noqa: BLE001 - any candidate failure is recorded, never fatal
        return Outcome(_failed(point, e))
    if isinstance(result, tuple):
        result, weights = result
        return Outcome(result, weights=weights if result.ok else None)
    return Outcome(result)


class InlinePool:
    """Evaluates candidates one at a time in this process (no Ray): for debugging and tests."""

    def __init__(self, evaluator):
        self.evaluator = evaluator
        self.size = 1
        self._queue: List[Point] = []

    def has_free_worker(self) -> bool:
        return not self._queue

    def num_running(self) -> int:
        return len(self._queue)

    def submit(self, point: Point) -> None:
        self._queue.append(point)

    def wait_any(self, timeout: Optional[float] = None) -> Optional[Outcome]:
        if not self._queue:
            return None
        return evaluate_safely(self.evaluator, self._queue.pop(0))

    def shutdown(self) -> None:
        self._queue.clear()


class _RemoteEvaluator:
    """The Ray actor: builds the evaluator inside the worker process, then evaluates candidates."""

    def __init__(self, make_evaluator: Callable[[], Any]):
        self.evaluator = make_evaluator()

    def evaluate(self, point: Point) -> Outcome:
        outcome = evaluate_safely(self.evaluator, point)
        release_free_memory()
        outcome.worker_pid, outcome.worker_rss = os.getpid(), resident_memory()
        return outcome

    def pid(self) -> int:
        return os.getpid()


@dataclass
class _Worker:
    """A Ray actor, how many candidates it has evaluated, its resident memory after the latest
    one and the most that one candidate has added to it (bytes)."""
    actor: Any
    served: int = 0
    pid: Optional[int] = None
    rss: Optional[int] = None   # after its latest candidate
    max_growth: int = 0         # the largest rise in ``rss`` from one candidate to the next

    def record(self, rss: Optional[int]) -> None:
        """Note its resident memory after a candidate (``None``: unknown, nothing changes)."""
        if rss is None:
            return
        if self.rss is not None:
            self.max_growth = max(self.max_growth, rss - self.rss)
        self.rss = rss


class RayPool:
    """``size`` Ray actors, each running ``make_evaluator()`` once and then candidates, one at a
    time. ``num_cpus``/``num_gpus`` are each actor's resources. ``recycling`` says when a worker is
    replaced by a fresh one between candidates (default: never); ``retired`` lists those replaced
    (pid, candidates served, resident memory in bytes, reason)."""

    def __init__(self, make_evaluator: Callable[[], Any], size: int, num_cpus: float = 1,
                 num_gpus: float = 0, recycling: Optional[Recycling] = None):
        import ray
        self._ray = ray
        self.size = size
        self.recycling = recycling or Recycling()
        self._actor_cls = ray.remote(num_cpus=num_cpus, num_gpus=num_gpus,
                                     max_restarts=0)(_RemoteEvaluator)
        self._make_evaluator = ray.put(make_evaluator)
        self._free: List[_Worker] = [self._new_worker() for _ in range(size)]
        self._running: Dict[Any, tuple] = {}  # object ref -> (worker, point)
        self.workers_replaced = 0   # after dying
        self.retired: List[dict] = []   # replaced on purpose, by ``recycling``
        self._warned_fresh_over_limit = False

    def _new_worker(self) -> _Worker:
        return _Worker(self._actor_cls.remote(self._make_evaluator))

    def has_free_worker(self) -> bool:
        return bool(self._free)

    def num_running(self) -> int:
        return len(self._running)

    def submit(self, point: Point) -> None:
        worker = self._free.pop()
        self._running[worker.actor.evaluate.remote(point)] = (worker, point)

    def wait_any(self, timeout: Optional[float] = None) -> Optional[Outcome]:
        """The next finished evaluation, or ``None`` if none finished within ``timeout`` seconds."""
        ray = self._ray
        if not self._running:
            return None
        ready, _ = ray.wait(list(self._running), num_returns=1, timeout=timeout)
        if not ready:
            return None
        worker, point = self._running.pop(ready[0])
        try:
            result = ray.get(ready[0])
        except ray.exceptions.RayTaskError as e:  # the evaluator raised despite evaluate_safely
            result = Outcome(_failed(point, e.cause if e.cause is not None else e))
        except ray.exceptions.RayError as e:  # the actor died: crash, OOM kill, node lost
            self._replace(worker)
            self.workers_replaced += 1
            reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            return Outcome(point, worker_lost=f"{type(e).__name__}: {reason}"[:300])
        worker.served += 1
        worker.pid = result.worker_pid or worker.pid
        self._recycle_or_free(worker, result.worker_rss)
        return result

    def _recycle_or_free(self, worker: _Worker, rss: Optional[int]) -> None:
        """Between candidates: replace ``worker`` if ``recycling`` says so, else keep it."""
        worker.record(rss)
        reason = self.recycling.reason(rss, worker.served, worker.max_growth)
        if reason is None:
            self._free.append(worker)
            return
        if worker.served == 1 and rss is not None and not self._warned_fresh_over_limit \
                and self.recycling.max_rss_mb is not None \
                and rss > self.recycling.max_rss_mb * 2 ** 20:
            self._warned_fresh_over_limit = True
            log.warning("A fresh worker already uses %.0f MiB after one candidate, over the "
                        "worker memory limit of %g MiB: every worker will be replaced after each "
                        "candidate. Raise worker_memory_limit_mb in the search config.",
                        rss / 2 ** 20, self.recycling.max_rss_mb)
        log.info("Replacing worker (pid %s) after %d candidates: %s.", worker.pid, worker.served,
                 reason)
        self.retired.append({"pid": worker.pid, "served": worker.served, "rss": rss,
                             "reason": reason})
        self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` (freeing its memory and CPUs first) and start a fresh one; a candidate
        submitted to it waits only for its start-up."""
        try:
            self._ray.kill(worker.actor)
        except Exception:  # noqa: BLE001 - it is already gone
            pass
        self._free.append(self._new_worker())

    def shutdown(self) -> None:
        for worker, _ in self._running.values():
            self._ray.kill(worker.actor)
        for worker in self._free:
            self._ray.kill(worker.actor)
        self._running.clear()
        self._free.clear()


def start_ray(address: Optional[str] = None, env: Optional[dict] = None) -> bool:
    """Start a local Ray (bounded object store, no dashboard) or join ``address``.

    Returns True when this call started Ray (and so should shut it down). Workers inherit this
    process's ``sys.path`` through ``PYTHONPATH``, so config files may import project modules.
    """
    import sys

    import ray
    if ray.is_initialized():
        return False
    paths = [p for p in sys.path if p and os.path.isdir(p)]
    env_vars = {"PYTHONPATH": os.pathsep.join(dict.fromkeys(paths)),
                "TF_CPP_MIN_LOG_LEVEL": os.environ.get("TF_CPP_MIN_LOG_LEVEL", "2"),
                **(env or {})}
    kwargs = dict(include_dashboard=False, log_to_driver=False, configure_logging=True,
                  logging_level=logging.WARNING, runtime_env={"env_vars": env_vars})
    if address:
        _probe(address)
        try:
            ray.init(address=address, **kwargs)
        except Exception as e:  # noqa: BLE001 - ConnectionError, RuntimeError, AuthenticationError
            raise RayUnavailable(_join_failure(address, e)) from None
    else:
        # Token authentication is Ray's default for a new local cluster (kept); its notice
        # saying so on every start is dropped.
        logging.getLogger("ray._private.authentication.authentication_token_setup").addFilter(
            _drop_token_auth_notice)
        ray.init(num_cpus=os.cpu_count(), object_store_memory=OBJECT_STORE_BYTES, **kwargs)
    return True


class RayUnavailable(RuntimeError):
    """The Ray cluster named by ``--ray-address`` cannot be joined (one line, with a hint)."""


def _probe(address: str, timeout: float = 5.0) -> None:
    """Fail in seconds when nothing listens at a ``host:port`` (or ``ray://host:port``)
    address: Ray itself would retry for ~13 minutes before giving up. ``auto`` and addresses
    without a port are left to Ray."""
    import socket
    hostport = address.split("://", 1)[-1].rstrip("/")
    host, sep, port = hostport.rpartition(":")
    if not sep or not host or not port.isdigit():
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as e:
        raise RayUnavailable(
            f"could not join the Ray cluster at {address}: nothing answers at {hostport} "
            f"({type(e).__name__}: {e}); is the cluster running? (`ray start --head` prints "
            f"its address)") from None


def _join_failure(address: str, error: BaseException) -> str:
    chain, e = [], error
    while e is not None and len(chain) < 5:
        chain.append(" ".join(f"{type(e).__name__}: {e}".split()))
        e = e.__cause__ or e.__context__
    text = chain[0][:200]
    hint = ""
    if any("auth" in c.lower() for c in chain):
        hint = (" The cluster uses token authentication: set RAY_AUTH_MODE=token and make its "
                "token available (~/.ray/auth_token or RAY_AUTH_TOKEN).")
    return f"could not join the Ray cluster at {address}: {text}.{hint}"


def worker_resources(workers: int, cpus: float, gpus: float) -> tuple:
    """(CPUs, GPUs) each of ``workers`` Ray actors asks for, so that all of them fit at once: whole
    CPUs when there are enough (a worker's TensorFlow threads), else a fair fraction; one GPU each
    while there are enough GPUs, else a fraction (several workers share a GPU)."""
    cpus_each = float(int(cpus // workers)) if workers <= cpus else cpus / workers
    gpus_each = 0.0 if gpus <= 0 else (1.0 if workers <= gpus else gpus / workers)
    return cpus_each, gpus_each


def _drop_token_auth_notice(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("Token authentication is enabled")


def default_workers(cpus: float, gpus: float, memory_bytes: Optional[float] = None) -> int:
    """One worker per GPU; without GPUs one per CPU core (small CNNs train far more efficiently
    on one thread each than on several), capped at 2 GiB of memory per worker."""
    if gpus >= 1:
        return int(gpus)
    workers = max(1, int(cpus))
    if memory_bytes:
        workers = max(1, min(workers, int(memory_bytes // MEMORY_PER_WORKER)))
    return workers
