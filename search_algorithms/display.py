"""Everything the search shows a person: one live progress line and one log line per candidate.

The search calls a display's hooks and never prints itself. ``ProgressDisplay`` draws a tqdm line
(evaluated/total, failed, in bounds, best in-bounds candidate so far) above which log lines scroll;
``LogDisplay`` writes the log lines only (no terminal, CI, tests).
"""
from __future__ import annotations

import logging
import sys
from typing import Mapping, Optional

from search_algorithms.points import Point, in_bounds

log = logging.getLogger("uNAS.search")


def fmt_int(n) -> str:
    return "-" if n is None else f"{int(n):,}"


def fmt_features(point: Point) -> str:
    """μNAS's three figures, then the target's predicted ones when the point has them:
    ``peak mem 558 B, size 2,695 B, 26,356 MACs; target RAM 6,500 B, flash 9,872 B, 410,000
    instr.``"""
    rf = point.resource_features or {}
    text = (f"peak mem {fmt_int(rf.get('peak_memory_usage'))} B, size "
            f"{fmt_int(rf.get('model_size'))} B, {fmt_int(rf.get('macs'))} MACs")
    tf = point.target_features
    if tf:
        text += f"; target RAM {fmt_int(tf.get('ram_bytes'))} B, flash {fmt_int(tf.get('flash_bytes'))} B"
        if tf.get("instructions") is not None:
            text += f", {fmt_int(tf['instructions'])} instr."
        if tf.get("latency_ms") is not None:
            text += f" ({tf['latency_ms']:.2f} ms)"
    return text


def describe(point: Point) -> str:
    """``#12 (from #5, sparsity 0.42)``, ``#30 (BO, 6 epochs)``, ``#41 (random, 15 epochs,
    rung 1, continues #7)``, ``#9 (from #3, 4 screened)``."""
    if point.parent_id is not None:
        origin = f"from #{point.parent_id}"
    else:
        origin = {"acquisition": "BO"}.get(point.origin, "random")
    sparsity = "" if point.sparsity is None else f", sparsity {point.sparsity:.2f}"
    epochs = "" if point.epochs is None else f", {point.epochs} epochs"
    rung = "" if point.rung is None else f", rung {point.rung}"
    continues = "" if point.continues is None else f", continues #{point.continues}"
    screened = (point.screened or {}).get("total")
    screened = f", {screened} screened" if screened else ""
    return f"#{point.id} ({origin}{sparsity}{epochs}{rung}{continues}{screened})"


def fmt_screened(totals: Mapping[str, int]) -> str:
    """``screened 12 (peak mem 5, size 9, MACs 1)``: proposals not trained, and which bound each
    exceeded (a proposal may exceed several)."""
    names = (("peak_memory_usage", "peak mem"), ("model_size", "size"), ("macs", "MACs"),
             ("ram_bytes", "target RAM"), ("flash_bytes", "target flash"),
             ("instructions", "target instr."), ("latency_ms", "target ms"))
    why = ", ".join(f"{label} {totals[k]}" for k, label in names if totals.get(k))
    limit = f", draw limit hit {totals['limit']}x" if totals.get("limit") else ""
    return f"screened {totals.get('total', 0)}" + (f" ({why}{limit})" if why or limit else "")


class LogDisplay:
    """Per-candidate log lines through ``logging``; keeps the counts the progress line shows."""

    def __init__(self, bounds: Mapping[str, Optional[float]]):
        self.bounds = dict(bounds)
        self.total = 0
        self.done = self.failed = self.in_bounds = 0
        self.best: Optional[Point] = None
        self.screened: dict = {}   # screened draws behind the evaluated points (issue 21)

    # hooks called by the runner ---------------------------------------------------------------
    def start(self, total: int, history) -> None:
        self.total = total
        for p in history:
            self._count(p)
        if self.done:
            log.info("Resuming with %d evaluated candidates (%d failed, %d in bounds%s).",
                     self.done, self.failed, self.in_bounds,
                     f", {fmt_screened(self.screened)}" if self.screened else "")

    def submitted(self, point: Point, retry: bool = False) -> None:
        log.debug("Submitted %s%s.", describe(point), " again" if retry else "")

    def result(self, point: Point, recent_in_bounds: tuple) -> None:
        self._count(point)
        seconds = "" if point.train_seconds is None else f" in {point.train_seconds:.1f} s"
        k, n = recent_in_bounds
        recent = f" (in bounds: {k} of the last {n})"
        count = f"[{self.done}/{self.total}] "
        if point.ok:
            test = "" if point.test_error is None else f", test error {point.test_error:.4f}"
            flag = " [IN BOUNDS]" if in_bounds(point, self.bounds) else ""
            self.emit(f"{count}{describe(point)}: val error {point.val_error:.4f}{test}, "
                      f"{fmt_features(point)}{seconds}{flag}{recent}")
        else:
            self.emit(f"{count}{describe(point)}: FAILED{seconds}: {point.error}{recent}",
                      logging.WARNING)
        self.refresh()

    def worker_lost(self, point: Point, reason: str, retrying: bool) -> None:
        what = "retrying it once" if retrying else "recording it as failed"
        self.emit(f"A worker died evaluating {describe(point)} ({reason}); it was replaced, "
                  f"{what}.", logging.WARNING)

    def message(self, text: str, level: int = logging.INFO) -> None:
        self.emit(text, level)

    def close(self) -> None:
        pass

    # ------------------------------------------------------------------------------------------
    def _count(self, p: Point) -> None:
        self.done += 1
        self.failed += not p.ok
        for k, v in (p.screened or {}).items():
            self.screened[k] = self.screened.get(k, 0) + v
        if in_bounds(p, self.bounds):
            self.in_bounds += 1
            if self.best is None or p.val_error < self.best.val_error:
                self.best = p

    def summary(self) -> str:
        best = "none yet" if self.best is None else (
            f"#{self.best.id} err {self.best.val_error:.4f}, {fmt_features(self.best)}")
        screened = f", {fmt_screened(self.screened)}" if self.screened else ""
        return (f"failed {self.failed}, in bounds {self.in_bounds}{screened}, best in bounds: "
                f"{best}")

    def emit(self, text: str, level: int = logging.INFO) -> None:
        log.log(level, text)

    def refresh(self) -> None:
        pass


class ProgressDisplay(LogDisplay):
    """``LogDisplay`` plus a live tqdm line; log records are written above the line."""

    def __init__(self, bounds, stream=None):
        super().__init__(bounds)
        self.stream = stream or sys.stderr
        self.bar = None
        self._handler = None

    def start(self, total, history):
        from tqdm import tqdm
        self.bar = tqdm(total=total, unit="cand", file=self.stream, dynamic_ncols=True,
                        bar_format="{n_fmt}/{total_fmt} evaluated |{bar:20}| {elapsed}<{remaining}"
                                   "{postfix}")
        self._handler = _TqdmHandler(self.bar)
        self._handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
        root = logging.getLogger()
        self._replaced = [h for h in root.handlers if isinstance(h, logging.StreamHandler)
                          and getattr(h, "stream", None) in (sys.stderr, sys.stdout)]
        for h in self._replaced:
            root.removeHandler(h)
        root.addHandler(self._handler)
        super().start(total, history)
        self.bar.update(self.done)
        self.refresh()

    def result(self, point, recent_in_bounds):
        super().result(point, recent_in_bounds)
        if self.bar is not None:
            self.bar.update(1)
            self.refresh()

    def refresh(self):
        if self.bar is not None:
            self.bar.set_postfix_str(self.summary(), refresh=True)

    def close(self):
        if self.bar is None:
            return
        self.bar.close()
        root = logging.getLogger()
        root.removeHandler(self._handler)
        for h in self._replaced:
            root.addHandler(h)
        self.bar = None


class _TqdmHandler(logging.Handler):
    def __init__(self, bar):
        super().__init__()
        self.bar = bar

    def emit(self, record):
        try:
            self.bar.write(self.format(record), file=self.bar.fp)
        except Exception:  # noqa: BLE001 - logging must never break the search
            self.handleError(record)
