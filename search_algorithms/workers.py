"""Where candidates are evaluated: Ray actors (the default) or this process (debugging, tests).

A pool runs an evaluator's ``evaluate(point)`` for several candidates at once and hands back
outcomes as they finish. It knows nothing of the search: the runner decides what to submit.
A Ray worker that dies is replaced at once; its candidate comes back as ``worker_lost``, with
whether the process crashed (a fatal signal such as SIGSEGV, written down by ``faulthandler`` in
the worker) or was killed (SIGKILL, the OOM killer, Ray's memory monitor). After a crash the
replacement starts with oneDNN's graph rewrites off (``TF_ENABLE_ONEDNN_OPTS=0``): TensorFlow 2.21's
``MklLayoutRewritePass`` segfaults on some architectures, and the retried candidate goes there.
A worker that has grown past a memory limit, or served a set number of candidates, is replaced by a
fresh one between candidates (``Recycling``): TensorFlow keeps a little memory per model it ever
built, which over thousands of candidates would add up to gigabytes.

Nothing waits without a bound. A worker that is not ready within ``start_timeout`` seconds (no CPU
for it: Ray can ignore a kill sent to an actor still being created and keep that actor's CPU for
ever; or a start-up that hangs) is killed and replaced; if its replacement does not start either,
the pool goes on with the workers it has and says so once, and when no worker is left it raises
``WorkersUnavailable``. A kill is sent only to an actor that is ready or dead, or that has failed to
start for ``start_timeout`` seconds, never to one that may be in the middle of its creation.

An evaluator returns the scored (or failed) ``Point``, or ``(point, weights)`` where ``weights`` is
the trained model's ``.weights.h5`` file as bytes. Weights travel back with the result (tiny models:
kilobytes), so workers on other machines of a Ray cluster need no shared file system.
"""
from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from search_algorithms.points import Point

log = logging.getLogger("uNAS.search")

MEMORY_PER_WORKER = 2 << 30      # a TF worker training a small CNN stays well under this
OBJECT_STORE_BYTES = 200 << 20   # candidates and results are small; keep Ray's store small too
#: Seconds a Ray worker may take to start (TensorFlow import, evaluator set-up) before it is
#: considered stalled; generous for a loaded machine (a search config's ``worker_start_timeout_s``).
WORKER_START_TIMEOUT_S = 300.0
#: The environment of a worker started to retry a candidate whose worker crashed.
ONEDNN_OFF_ENV = {"TF_ENABLE_ONEDNN_OPTS": "0"}
#: The longest ``RayPool.shutdown`` waits for workers still starting before killing them.
SHUTDOWN_WAIT_S = 60.0
#: Bound on a ``ray.get`` of a result that ``ray.wait`` already reported ready.
_GET_READY_TIMEOUT_S = 60.0


@dataclass
class Outcome:
    """A finished evaluation: the returned ``point`` (and its trained ``weights`` file as bytes,
    if any), or the submitted point and ``worker_lost``, the reason its worker died (``crashed``:
    it died of a fatal signal, so the retry should run with oneDNN's rewrites off).
    ``worker_pid``/``worker_rss`` say which process evaluated it and its resident memory (bytes)
    right after (Ray workers only)."""
    point: Point
    worker_lost: Optional[str] = None
    weights: Optional[bytes] = None
    worker_pid: Optional[int] = None
    worker_rss: Optional[int] = None
    crashed: bool = False   # the lost worker died of a fatal signal (not a kill for memory)


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


class WorkersUnavailable(RuntimeError):
    """No Ray worker could start within the start-up time: the search cannot go on here."""


class _RemoteEvaluator:
    """The Ray actor: builds the evaluator inside the worker process, then evaluates candidates.

    ``crash_report``: a file where ``faulthandler`` writes if this process dies of a fatal signal
    (SIGSEGV, SIGABRT, ...), so that the pool can tell a crash from a kill."""

    def __init__(self, make_evaluator: Callable[[], Any], crash_report: Optional[str] = None):
        if crash_report:
            import faulthandler
            os.makedirs(os.path.dirname(crash_report), exist_ok=True)
            self._crash_file = open(crash_report, "w")  # noqa: SIM115 - open while we live
            faulthandler.enable(file=self._crash_file, all_threads=True)
        self.evaluator = make_evaluator()

    def ready(self) -> tuple:
        """(pid, Ray node id): answered once the evaluator is built."""
        import ray
        return os.getpid(), ray.get_runtime_context().get_node_id()

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
    one and the most that one candidate has added to it (bytes); whether it has answered
    ``ready()`` (and when it was started), and whether it runs with oneDNN's rewrites off."""
    actor: Any
    ready_ref: Any = None
    started_at: float = field(default_factory=time.monotonic)
    crash_report: Optional[str] = None
    onednn_off: bool = False
    stalls: int = 0             # workers of this slot that did not start before this one
    start_deaths: int = 0       # workers of this slot that died while starting, in a row
    ready: bool = False
    node_id: Optional[str] = None
    warned_slow: bool = False
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
    (pid, candidates served, resident memory in bytes, reason). ``start_timeout``: seconds a worker
    may take to become ready before it is killed and replaced (see the module docstring)."""

    def __init__(self, make_evaluator: Callable[[], Any], size: int, num_cpus: float = 1,
                 num_gpus: float = 0, recycling: Optional[Recycling] = None,
                 start_timeout: float = WORKER_START_TIMEOUT_S):
        import ray
        self._ray = ray
        self.size = size
        self.recycling = recycling or Recycling()
        self.start_timeout = float(start_timeout)
        self._actor_cls = ray.remote(num_cpus=num_cpus, num_gpus=num_gpus,
                                     max_restarts=0)(_RemoteEvaluator)
        self._make_evaluator = ray.put(make_evaluator)
        self._crash_dir = tempfile.mkdtemp(prefix="unas-worker-crashes-")
        self._node_id = ray.get_runtime_context().get_node_id()
        self._workers: List[_Worker] = []   # every live actor: free, busy or starting
        self._free: List[_Worker] = []
        self._running: Dict[Any, tuple] = {}  # object ref -> (worker, point)
        self._orphans: deque = deque()  # points whose worker never started: next free worker
        self.workers_replaced = 0   # after dying
        self.workers_stalled = 0    # killed for not starting within ``start_timeout``
        self.retired: List[dict] = []   # replaced on purpose, by ``recycling``
        self._warned_fresh_over_limit = False
        self._warned_shrunk = False
        for _ in range(size):
            self._free.append(self._new_worker())

    # --- workers -------------------------------------------------------------------------------
    def _new_worker(self, onednn_off: bool = False, stalls: int = 0,
                    start_deaths: int = 0) -> _Worker:
        report = os.path.join(self._crash_dir, f"{uuid.uuid4().hex}.txt")
        cls = self._actor_cls
        if onednn_off:
            cls = cls.options(runtime_env={"env_vars": dict(ONEDNN_OFF_ENV)})
        actor = cls.remote(self._make_evaluator, report)
        worker = _Worker(actor, ready_ref=actor.ready.remote(), crash_report=report,
                         onednn_off=onednn_off, stalls=stalls, start_deaths=start_deaths)
        self._workers.append(worker)
        return worker

    def _forget(self, worker: _Worker) -> None:
        if worker in self._workers:
            self._workers.remove(worker)
        if worker in self._free:
            self._free.remove(worker)
        try:
            os.unlink(worker.crash_report)
        except (OSError, TypeError):
            pass

    def _kill(self, worker: _Worker) -> None:
        try:
            self._ray.kill(worker.actor)
        except Exception:  # noqa: BLE001 - it is already gone
            pass

    def _retire(self, worker: _Worker) -> None:
        """Kill ``worker`` and forget it. Only for a worker that is ready, dead, or stalled for
        ``start_timeout`` seconds: never one that may be in the middle of its creation."""
        self._forget(worker)
        self._kill(worker)

    def _replace(self, worker: _Worker, onednn_off: bool = False) -> None:
        """A dead or retired ``worker`` gives its slot to a fresh one (``onednn_off``: with
        oneDNN's rewrites off); a candidate submitted to it waits only for its start-up."""
        dead_while_starting = not worker.ready
        self._retire(worker)
        if len(self._workers) >= self.size:
            return  # an extra worker (started for a retry) leaves no slot behind
        self._free.append(self._new_worker(
            onednn_off=onednn_off,
            start_deaths=worker.start_deaths + 1 if dead_while_starting else 0))

    # --- the pool's interface ------------------------------------------------------------------
    def has_free_worker(self) -> bool:
        return bool(self._free) and not self._orphans

    def num_running(self) -> int:
        return len(self._running) + len(self._orphans)

    def submit(self, point: Point) -> None:
        """Evaluate ``point`` on a free worker: one with oneDNN's rewrites off when the point
        asks for it (``point.onednn_disabled``), an ordinary one otherwise where there is one."""
        worker = self._pick_free(point.onednn_disabled)
        point.onednn_disabled = worker.onednn_off  # the record says how it was trained
        self._running[worker.actor.evaluate.remote(point)] = (worker, point)

    def _pick_free(self, onednn_off: bool) -> _Worker:
        match = [w for w in self._free if w.onednn_off == onednn_off]
        if match:
            worker = match[-1]
            self._free.remove(worker)
            return worker
        worker = self._free.pop()
        if not onednn_off:
            return worker
        # No worker with oneDNN off is free: this one makes way for one (a ready worker may be
        # killed; one still starting may not, so it stays and the new one is an extra).
        if worker.ready:
            self._retire(worker)
        else:
            self._free.append(worker)
        return self._new_worker(onednn_off=True)

    def wait_any(self, timeout: Optional[float] = None) -> Optional[Outcome]:
        """The next finished evaluation, or ``None`` if none finished within ``timeout`` seconds
        (``None``: the start-up time; never unbounded). Workers that became ready, died while
        starting or stalled are dealt with on the way. Raises ``WorkersUnavailable`` when no worker
        is left to evaluate what was submitted."""
        ray = self._ray
        timeout = self.start_timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout
        while True:
            self._dispatch_orphans()
            if not self._running and not self._orphans:
                return None
            if not self._workers:
                raise WorkersUnavailable(
                    f"no Ray worker could start within {self.start_timeout:g} s "
                    f"({self.workers_stalled} stalled); {self.num_running()} candidate(s) "
                    f"waiting. Is the Ray cluster short of CPUs (`ray status`)?")
            starting = {w.ready_ref: w for w in self._workers if not w.ready}
            refs = list(self._running) + list(starting)
            wait = max(0.0, min(deadline - time.monotonic(), self._next_stall_check()))
            done, _ = ray.wait(refs, num_returns=1, timeout=wait) if refs else ([], [])
            if done and done[0] in starting:
                self._started(starting[done[0]])
                continue
            if done:
                return self._finished(done[0])
            self._check_stalls()
            if time.monotonic() >= deadline:
                return None

    def _next_stall_check(self) -> float:
        pending = [w.started_at + self.start_timeout - time.monotonic()
                   for w in self._workers if not w.ready]
        return max(0.05, min(pending, default=self.start_timeout))

    def _finished(self, ref) -> Outcome:
        ray = self._ray
        worker, point = self._running.pop(ref)
        try:
            result = ray.get(ref, timeout=_GET_READY_TIMEOUT_S)
        except ray.exceptions.RayTaskError as e:  # the evaluator raised despite evaluate_safely
            result = Outcome(_failed(point, e.cause if e.cause is not None else e))
        except ray.exceptions.RayError as e:  # the actor died: crash, OOM kill, node lost
            reason, crashed = self._death_cause(worker, e)
            log.debug("Worker (pid %s) died: %s", worker.pid, reason)
            self._replace(worker, onednn_off=crashed)
            self.workers_replaced += 1
            return Outcome(point, worker_lost=reason[:300], crashed=crashed)
        worker.served += 1
        worker.pid = result.worker_pid or worker.pid
        worker.ready = True
        if worker.onednn_off:
            self._replace(worker)  # it served its retry; ordinary workers serve the rest
        else:
            self._recycle_or_free(worker, result.worker_rss)
        return result

    def _started(self, worker: _Worker) -> None:
        """``worker`` answered ``ready()`` (or died trying)."""
        ray = self._ray
        try:
            worker.pid, worker.node_id = ray.get(worker.ready_ref, timeout=_GET_READY_TIMEOUT_S)
            worker.ready, worker.stalls, worker.start_deaths = True, 0, 0
            return
        except ray.exceptions.RayError as e:
            reason, _ = self._death_cause(worker, e)
        if any(w is worker for w, _ in self._running.values()):
            worker.ready = True  # dead: its candidate's result reports it, and replaces it
            return
        log.warning("A worker died while starting (%s).", reason)
        if worker.start_deaths + 1 >= 3:
            self._retire(worker)
            self._shrink(f"three workers in a row died while starting; the last: {reason}")
            return
        self._replace(worker, onednn_off=worker.onednn_off)

    def _check_stalls(self) -> None:
        now = time.monotonic()
        for worker in [w for w in self._workers if not w.ready]:
            waited = now - worker.started_at
            if not worker.warned_slow and waited >= self.start_timeout / 2:
                worker.warned_slow = True
                log.warning("A worker has not started after %.0f s; it is replaced if it has not "
                            "started after %g s.", waited, self.start_timeout)
            if waited < self.start_timeout:
                continue
            self.workers_stalled += 1
            # It has had minutes: it is waiting for a CPU or hung in its start-up, not in the
            # moment of its creation in which Ray may ignore a kill.
            orphans = [p for ref, (w, p) in list(self._running.items()) if w is worker]
            for ref in [r for r, (w, _) in self._running.items() if w is worker]:
                del self._running[ref]
            self._orphans.extend(orphans)
            self._retire(worker)
            if worker.stalls == 0:
                log.warning("A worker did not start within %g s (no CPU free for it, or its "
                            "start-up hung); it was killed and replaced.", self.start_timeout)
                self._free.append(self._new_worker(onednn_off=worker.onednn_off, stalls=1))
            else:
                self._shrink(f"its replacement did not start within {self.start_timeout:g} s "
                             f"either")

    def _shrink(self, why: str) -> None:
        self.size -= 1
        if self.size > 0 and not self._warned_shrunk:
            self._warned_shrunk = True
            log.warning("A worker slot was given up (%s): the search goes on with %d worker(s).",
                        why, self.size)
        elif self.size <= 0:
            log.error("No worker slot left (%s).", why)

    def _dispatch_orphans(self) -> None:
        """Candidates whose worker never started go to the next free worker, before new ones."""
        while self._orphans and self._free:
            self.submit(self._orphans.popleft())

    def _death_cause(self, worker: _Worker, error: BaseException) -> tuple:
        """(one-line reason, crashed?) for a worker that died raising ``error``."""
        ray = self._ray
        report = ""
        if worker.crash_report and (worker.node_id in (None, self._node_id)):
            try:
                report = Path(worker.crash_report).read_text(errors="replace")
            except OSError:
                report = ""
        fatal = next((line.strip() for line in report.splitlines()
                      if line.startswith("Fatal Python error")), None)
        if fatal:
            return f"worker crashed ({fatal})", True
        if isinstance(error, getattr(ray.exceptions, "OutOfMemoryError", ())):
            return "worker killed by Ray's memory monitor (out of memory)", False
        text = str(error).strip().splitlines()[0] if str(error).strip() else ""
        if worker.node_id is not None and worker.node_id != self._node_id:
            # Another machine's worker: its crash report is out of reach; assume a crash (the
            # retry then only runs with oneDNN's rewrites off, which is always safe).
            return f"{type(error).__name__}: {text}", True
        return f"{type(error).__name__}: {text} (no crash report: killed or exited)", False

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

    def shutdown(self) -> None:
        """Kill every worker. Workers still starting are waited for first (at most
        ``SHUTDOWN_WAIT_S`` or the start-up time): Ray may ignore a kill that reaches an actor in
        the middle of its creation and keep its CPU for ever, starving whatever runs on this Ray
        next. (One still not ready after that is waiting for a CPU or hung, not being created.)"""
        ray = self._ray
        starting = [w.ready_ref for w in self._workers if not w.ready]
        if starting:
            try:
                ray.wait(starting, num_returns=len(starting),
                         timeout=min(self.start_timeout, SHUTDOWN_WAIT_S))
            except Exception:  # noqa: BLE001 - Ray going down under us: kill what we can
                pass
        for worker in list(self._workers):
            self._kill(worker)
        self._workers.clear()
        self._running.clear()
        self._free.clear()
        self._orphans.clear()
        import shutil
        shutil.rmtree(self._crash_dir, ignore_errors=True)


def start_ray(address: Optional[str] = None, env: Optional[dict] = None) -> bool:
    """Start a local Ray (bounded object store, no dashboard) or join ``address``.

    Returns True when this call started Ray (and so should shut it down). Workers inherit this
    process's ``sys.path`` through ``PYTHONPATH``, so config files may import project modules.
    """

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
        # Ray starts its workers at niceness 15, below every other process: beside any CPU-bound
        # job they crawl (the test suite beside two busy loops got ~3 % of a core), and the
        # workers are the search's real work. The raylet reads this when ray.init starts it.
        os.environ.setdefault("RAY_worker_niceness", "0")
        with _ray_in_own_process_groups():
            ray.init(num_cpus=os.cpu_count(), object_store_memory=OBJECT_STORE_BYTES, **kwargs)
    return True


@contextlib.contextmanager
def _ray_in_own_process_groups():
    """Start the local Ray's processes (GCS, raylet, and through the raylet the workers) outside
    this process's process group.

    ``kill %1`` of a background search, or a service manager stopping it, sends SIGTERM to the
    whole process group. In the group, the raylet and the workers die at once; on a loaded machine
    the driver's core worker then sees its raylet gone and exits the process (code 1) before the
    driver's own SIGTERM handler has saved the state. Out of the group, only the driver gets the
    signal: it saves, shuts Ray down and exits 130. Ray's children still die with the driver
    (Ray sets PR_SET_PDEATHSIG on Linux), and they block SIGINT anyway, so Ctrl-C is unchanged.
    Ray spawns them through ``ray._private.services.ConsolePopen``; where that is missing (another
    Ray version) nothing changes."""
    import ray._private.services as services
    original = getattr(services, "ConsolePopen", None)
    if original is None or sys.version_info < (3, 11):
        yield
        return

    class OwnGroupPopen(original):
        def __init__(self, *args, **kwargs):
            if not kwargs.get("start_new_session") and kwargs.get("process_group") is None:
                kwargs["process_group"] = 0
            super().__init__(*args, **kwargs)

    services.ConsolePopen = OwnGroupPopen
    try:
        yield
    finally:
        services.ConsolePopen = original


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
