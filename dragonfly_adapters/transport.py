"""The cheapest partial transports behind the OTMANN distance, many at a time, exactly.

One problem: row masses ``r``, column masses ``c``, costs ``C``; the value is
``min sum x_ij (C_ij - 2)`` over ``x >= 0`` with row sums ``<= r`` and column sums ``<= c``:
moving a unit costs ``C_ij``, leaving it unmatched costs the non-assignment penalty 1 on each
side (dragonfly's null layers), so only pairs cheaper than 2 ever carry mass.

Two solvers give that minimum (``cheapest_partial_transports``):

- ``compiled`` (the default where a C compiler exists): ``partial_transport.c``, successive
  shortest paths for all problems of a batch in one call. Compiled once with ``cc`` into
  ``$UNAS_TRANSPORT_CACHE`` (default ``~/.cache/unas-transport``), keyed by the source's hash.
  About 1-2 us for the typical 5 x 5 problem, where POT's network simplex takes 10 us and a
  Python-level call each.
- ``pot``: POT's network simplex on the problem as dragonfly poses it (a null row and column;
  rows and columns without a pair cheaper than 2 left out), one call per problem. Used when no
  compiler is found (with one warning), for any problem the compiled solver gives up on, and
  when ``UNAS_TRANSPORT=pot``.

Problems where one side has two layers (and the other few) are solved in closed form instead, by
LP duality (``two_row_partial_transports``).
"""
from __future__ import annotations

import ctypes
import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
import threading
from itertools import repeat
from pathlib import Path
from typing import Optional

import numpy as np

log = logging.getLogger(__name__)

NULL_COST = 1.0  # the non-assignment penalty (dragonfly's null layers)
_SAVED = 2 * NULL_COST  # what a unit moved instead of left unmatched saves
SOLVERS = ("auto", "compiled", "pot")
_SOURCE = Path(__file__).with_name("partial_transport.c")
_lock = threading.Lock()
_compiled = None  # the loaded library, False once found impossible
_compiled_error = [""]  # why it is impossible


class TransportSolverUnavailable(RuntimeError):
    """``UNAS_TRANSPORT=compiled`` but the C solver could not be built or loaded."""


def transport_cache_dir() -> Path:
    return Path(os.environ.get("UNAS_TRANSPORT_CACHE")
                or Path.home() / ".cache" / "unas-transport")


def _build(source: Path, cache: Path) -> Path:
    """The compiled solver for ``source``, built once per source hash (atomically, so that
    several processes may race)."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    lib = cache / f"partial_transport-{digest}.so"
    if lib.exists():
        return lib
    compiler = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
    if not compiler:
        raise TransportSolverUnavailable("no C compiler (cc or gcc) on PATH")
    cache.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=cache, suffix=".so.tmp")
    os.close(fd)
    try:
        done = subprocess.run([compiler, "-O2", "-std=c99", "-shared", "-fPIC", "-o", tmp,
                               str(source), "-lm"], capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise TransportSolverUnavailable(f"{compiler} failed on {source}: "
                                             + " ".join(done.stderr.split())[:300])
        os.replace(tmp, lib)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return lib


def _load():
    """The compiled library (built on first use), its functions' signatures set."""
    lib = ctypes.CDLL(str(_build(_SOURCE, transport_cache_dir())))
    real = np.ctypeslib.ndpointer(dtype=np.float64, flags="C_CONTIGUOUS")
    index = np.ctypeslib.ndpointer(dtype=np.int_, flags="C_CONTIGUOUS")  # C long
    size = ctypes.c_long
    lib.partial_transports.argtypes = [size, size, size, real, real, real, real]
    lib.group_transports.argtypes = [size, size, size, real, real, size, size, index, index,
                                     real, real]
    lib.partial_transports.restype = lib.group_transports.restype = ctypes.c_long
    return lib


def _requested(requested: Optional[str] = None) -> str:
    return (requested or os.environ.get("UNAS_TRANSPORT") or "auto").strip().lower()


def solver_name(requested: Optional[str] = None) -> str:
    """The solver ``cheapest_partial_transports`` uses: ``UNAS_TRANSPORT`` (``auto``, the default,
    ``compiled`` or ``pot``) resolved against what this machine can build."""
    global _compiled
    want = _requested(requested)
    if want not in SOLVERS:
        raise ValueError(f"UNAS_TRANSPORT={want!r}: must be one of {', '.join(SOLVERS)}")
    if want == "pot":
        return "pot"
    with _lock:
        if _compiled is None:
            try:
                _compiled = _load()
            except (OSError, subprocess.SubprocessError, TransportSolverUnavailable) as e:
                _compiled = False
                _compiled_error[0] = f"{type(e).__name__}: {e}"
                log.warning("OTMANN transports: the compiled solver is unavailable (%s); using "
                            "POT's network simplex, several times slower", _compiled_error[0])
    if _compiled is False and want == "compiled":
        raise TransportSolverUnavailable(f"UNAS_TRANSPORT=compiled: {_compiled_error[0]}")
    return "compiled" if _compiled else "pot"



def solver_setting_problem(build: bool = False) -> str:
    """What is wrong with ``UNAS_TRANSPORT`` as set (one line; '' if nothing), for the driver to
    report before any worker starts; ``build``: also build the compiled solver now if it is
    required (``compiled``) and report why it cannot be."""
    try:
        want = _requested()
        if want not in SOLVERS or (build and want == "compiled"):
            solver_name()
    except (ValueError, TransportSolverUnavailable) as e:
        return str(e)
    return ""


def cheapest_partial_transports(costs: np.ndarray, row_masses: np.ndarray,
                                col_masses: np.ndarray, solver: Optional[str] = None
                                ) -> np.ndarray:
    """``(K, H)`` minima for ``costs`` ``(K, H, n, m)`` (a pair that may not exchange mass is
    marked by any cost of 2 or more), ``row_masses`` ``(n,)`` or ``(H, n)`` and ``col_masses``
    ``(H, m)`` (masses >= 0). ``solver``: as ``solver_name``."""
    costs = np.asarray(costs, dtype=float)
    K, H, n, m = costs.shape
    r = np.broadcast_to(np.asarray(row_masses, dtype=float), (H, n))
    c = np.broadcast_to(np.asarray(col_masses, dtype=float), (H, m))
    if K * H == 0 or n == 0 or m == 0:
        return np.zeros((K, H))
    if solver_name(solver) == "pot":
        return _pot_transports(costs, r, c)
    gains = np.ascontiguousarray(np.minimum(costs - _SAVED, 0.0).reshape(K * H, n, m))
    rows = np.ascontiguousarray(np.broadcast_to(r, (K, H, n)).reshape(K * H, n))
    cols = np.ascontiguousarray(np.broadcast_to(c, (K, H, m)).reshape(K * H, m))
    out = np.empty(K * H)
    left = _compiled.partial_transports(K * H, n, m, gains, rows, cols, out)
    return _pot_where_given_up(out.reshape(K, H), left, lambda: costs, r, c)


def group_transports(cost: np.ndarray, row_masses: np.ndarray, pad: np.ndarray,
                     counts: np.ndarray, layer_masses: np.ndarray) -> np.ndarray:
    """``(K, H)`` minima of one network's ``n`` layers of a label group against ``H`` others',
    gathered in C from the group's cost block: ``cost`` ``(K, n, L)`` (against the ``L`` layers of
    all the others side by side), ``row_masses`` ``(n,)``, ``pad`` ``(H, w)`` each network's
    layers' indices into the block (the first ``counts[h]`` valid), ``layer_masses`` ``(L,)``.
    The same problems as ``cheapest_partial_transports`` on the gathered costs (padded with
    massless layers that never exchange mass), without building them in numpy."""
    K, n, L = cost.shape
    H, w = pad.shape
    cost = np.ascontiguousarray(cost, dtype=float)
    r = np.ascontiguousarray(row_masses, dtype=float)
    pad = np.ascontiguousarray(pad, dtype=np.int_)
    counts = np.ascontiguousarray(counts, dtype=np.int_)
    masses = np.ascontiguousarray(layer_masses, dtype=float)

    def valid():  # (H, w): which padded columns are layers (built only off the fast path)
        return np.arange(w)[None, :] < counts[:, None]

    def gathered():
        block = np.moveaxis(cost[:, :, pad], 1, 2)  # (K, H, n, w)
        return np.where(valid()[None, :, None, :], block, 2 * _SAVED)

    def columns():
        return np.where(valid(), masses[pad], 0.0)

    if K * H == 0 or n == 0 or w == 0:
        return np.zeros((K, H))
    rows = np.broadcast_to(r, (H, n))
    if solver_name() == "pot":
        return _pot_transports(gathered(), rows, columns())
    out = np.empty(K * H)
    left = _compiled.group_transports(K, n, L, cost, r, H, w, pad, counts, masses, out)
    return _pot_where_given_up(out.reshape(K, H), left, gathered, rows,
                               columns() if left else None)


def _pot_where_given_up(values, left, costs, r, c):
    """``values`` from the compiled solver, with the problems it gave up on (NAN; never seen)
    solved by POT. ``costs``: a function giving the ``(K, H, n, m)`` costs (built only then)."""
    if left < 0:
        raise MemoryError("partial transports: out of memory")
    if left:
        costs = costs()
        k, h = np.nonzero(np.isnan(values))
        values[k, h] = _pot_transports(costs[k, h][None], r[h], c[h])[0]
    return values


def _pot_transports(costs: np.ndarray, r: np.ndarray, c: np.ndarray) -> np.ndarray:
    """POT's network simplex, one call per problem, on dragonfly's formulation: a null row and
    column (cost 1 to a real layer, 0 between them); rows and columns without a pair cheaper than
    2 get no mass (they would only go to the null layers); pairs costing 2 or more keep their
    cost (never used: the null row and column take any mass at 1 a side)."""
    from ot.lp.emd_wrap import check_result, emd_c

    K, H, n, m = costs.shape
    cheap = costs < _SAVED
    rows = cheap.any(axis=3) & (r > 0)  # (K, H, n)
    cols = cheap.any(axis=2) & (c > 0)  # (K, H, m)
    R = np.where(rows, r, 0.0).sum(-1)
    D = np.where(cols, c, 0.0).sum(-1)
    values = np.zeros((K, H))
    todo = np.nonzero((R > 0) & (D > 0))
    if not len(todo[0]):
        return values
    scale = (R + D)[todo]
    a = np.empty((len(scale), n + 1))
    b = np.empty((len(scale), m + 1))
    a[:, :n] = np.where(rows[todo], r[todo[1]], 0.0)
    b[:, :m] = np.where(cols[todo], c[todo[1]], 0.0)
    a[:, n] = D[todo]
    b[:, m] = R[todo]
    a /= scale[:, None]
    b /= scale[:, None]
    b *= (a.sum(-1) / b.sum(-1))[:, None]
    padded = np.full((len(scale), n + 1, m + 1), NULL_COST)
    padded[:, :n, :m] = costs[todo]
    padded[:, n, m] = 0.0
    its, threads = 100000, 1
    results = list(map(emd_c, a, b, padded, repeat(its), repeat(threads), repeat(None),
                       repeat(None)))
    _, value, _, _, code = zip(*results)
    for status in set(code):
        check_result(status)
    values[todo] = (np.array(value) - 1.0) * scale
    return values


def two_row_partial_transports(costs: np.ndarray, row_masses: np.ndarray,
                               col_masses: np.ndarray) -> np.ndarray:
    """The minima of problems with two rows, without a solver: ``costs`` ``(..., 2, m)``,
    ``row_masses`` ``(..., 2)``, ``col_masses`` ``(..., m)`` (broadcast against each other).

    By LP duality the minimum is ``-min F(u)`` over ``u >= 0``, ``F(u) = r.u + sum_j c_j
    max(0, w_1j - u_1, w_2j - u_2)`` with the savings ``w = max(2 - C, 0)``: a convex
    piecewise-linear function of two variables, least at a vertex of the lines where its pieces
    meet (``u_i = 0``, ``u_i = w_ij``, ``u_1 - u_2 = w_1j - w_2j``). F is evaluated at all of their
    intersections (``~3 m^2``; meant for small ``m``)."""
    w = np.maximum(_SAVED - np.asarray(costs, dtype=float), 0.0)
    r = np.asarray(row_masses, dtype=float)
    c = np.asarray(col_masses, dtype=float)
    w1, w2 = w[..., 0, :], w[..., 1, :]
    zero = np.zeros(w1.shape[:-1] + (1,))
    s1 = np.concatenate((zero, w1), axis=-1)  # (..., m+1): u_1 on a vertical line
    s2 = np.concatenate((zero, w2), axis=-1)
    d = w1 - w2  # u_1 - u_2 on a diagonal line
    u1 = np.concatenate([np.broadcast_to(s1[..., :, None], s1.shape + s2.shape[-1:]).reshape(
                            s1.shape[:-1] + (-1,)),
                         np.repeat(s1, d.shape[-1], axis=-1),
                         (s2[..., :, None] + d[..., None, :]).reshape(s2.shape[:-1] + (-1,))],
                        axis=-1)
    u2 = np.concatenate([np.tile(s2, s1.shape[-1]),
                         (s1[..., :, None] - d[..., None, :]).reshape(s1.shape[:-1] + (-1,)),
                         np.repeat(s2, d.shape[-1], axis=-1)], axis=-1)
    u1 = np.maximum(u1, 0.0)  # clipped points are feasible too: F there bounds the minimum
    u2 = np.maximum(u2, 0.0)
    excess = np.maximum(np.maximum(w1[..., None, :] - u1[..., :, None],
                                   w2[..., None, :] - u2[..., :, None]), 0.0)
    F = (r[..., 0, None] * u1 + r[..., 1, None] * u2
         + np.einsum("...pj,...j->...p", excess, np.broadcast_to(c, w1.shape)))
    return -F.min(axis=-1)
