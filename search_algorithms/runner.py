"""The search loop: propose -> evaluate (in parallel) -> record -> maybe save.

It connects an oracle (what to try next), a worker pool (where candidates are trained), a state
store (snapshot + journal), a weights keeper and a display; it is the same for any oracle with the
``suggest``/``on_result``/``retry``/``get_state`` interface. Submission is asynchronous: whenever a
worker is free it gets a new candidate, and results are recorded in the order they arrive.

An oracle whose ``asks_ahead`` is true (Bayesian optimisation, whose asks take seconds) is asked for
the next candidate as soon as every worker is busy, while they train, and that candidate goes to the
first worker that frees up, as μNAS's BO loop does (it determines the next query before waiting for
a free worker). The held candidate is already in the oracle's pending set, so it is saved with the
state and the next ask treats it as in flight; it is journaled ("propose") when it is submitted.
"""
from __future__ import annotations

import logging
import time
from typing import Optional

log = logging.getLogger("uNAS.search")


class SearchAborted(RuntimeError):
    """Too many candidates in a row failed: something is wrong with the setup, not the candidates."""


def run_search(oracle, pool, store, display, *, keeper=None, save_every: int = 5,
               max_consecutive_failures: Optional[int] = 10, poll_seconds: float = 0.5) -> None:
    """Run until ``oracle.is_finished()``. The state is saved every ``save_every`` results, at the
    end, on Ctrl-C (then ``KeyboardInterrupt`` propagates) and before ``SearchAborted``."""
    if save_every < 1:
        raise ValueError(f"save_every must be >= 1 (got {save_every})")
    consecutive_failures = 0
    ahead: list = []  # at most one candidate asked for while every worker was busy
    display.start(oracle.rounds, oracle.history)
    store.snapshot(oracle.get_state())
    try:
        while not oracle.is_finished():
            _fill_workers(oracle, pool, store, display, ahead)
            if pool.num_running() == 0:
                raise RuntimeError("search stalled: nothing to evaluate and nothing running "
                                   f"({len(oracle.history)} of {oracle.rounds} evaluated)")
            outcome = pool.wait_any(timeout=poll_seconds)
            if outcome is None:
                display.refresh()
                continue
            point = outcome.point
            if outcome.worker_lost:
                if outcome.crashed:  # e.g. SIGSEGV in oneDNN's graph rewrite: retry without it
                    point.onednn_disabled = True
                retrying = oracle.retry(point)
                display.worker_lost(point, outcome.worker_lost, retrying)
                if retrying:
                    continue
                point = point.failed(f"worker died twice ({outcome.worker_lost})",
                                     finished_at=time.time())
            if keeper is not None:
                keeper.settle(point, [*oracle.history, point], outcome.weights)
            oracle.on_result(point)
            store.append("result", point=point.to_dict())
            display.result(point, oracle.in_bounds_recently())
            if len(oracle.history) % save_every == 0:
                store.snapshot(oracle.get_state())
            consecutive_failures = 0 if point.ok else consecutive_failures + 1
            if max_consecutive_failures and consecutive_failures >= max_consecutive_failures:
                store.snapshot(oracle.get_state())
                raise SearchAborted(f"{consecutive_failures} candidates in a row failed; the last "
                                    f"one: {point.error}")
    except KeyboardInterrupt:
        store.snapshot(oracle.get_state())
        display.message(f"Interrupted: saved {len(oracle.history)} evaluated candidates and "
                        f"{len(oracle.pending)} in flight to {store.path}.", logging.WARNING)
        raise
    except SearchAborted:
        raise
    except Exception:  # Ray or the machine failing under us: save what we have, then report
        try:
            store.snapshot(oracle.get_state())
        except Exception:  # noqa: BLE001 - the journal still has every recorded event
            log.exception("could not save the search state")
        raise
    finally:
        pool.shutdown()
        display.close()
    store.snapshot(oracle.get_state())
    store.close()


def _fill_workers(oracle, pool, store, display, ahead: list) -> None:
    while pool.has_free_worker():
        point = ahead.pop() if ahead else oracle.suggest()
        if point is None:
            return
        point.attempts += 1
        store.append("propose", point=point.to_dict(), rng=oracle.rng.bit_generator.state)
        pool.submit(point)
        display.submitted(point, retry=point.attempts > 1)
    if getattr(oracle, "asks_ahead", False) and not ahead and pool.num_running() > 0:
        point = oracle.suggest()
        if point is not None:
            ahead.append(point)
