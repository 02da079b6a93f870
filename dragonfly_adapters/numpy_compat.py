"""Makes dragonfly-opt 0.1.7 importable and runnable on numpy 1.26, inside a scope.

dragonfly predates numpy 1.24: it uses the removed aliases ``np.int``, ``np.float``, ... and
``np.asscalar`` (removed in 1.23). ``numpy_patched()`` adds the missing names for the duration of a
``with`` block and takes them away again when the outermost block exits, so nothing outside the
Bayesian optimisation sees a patched numpy. It is re-entrant (a counter), so two searches (or a
search and a test) in one process nest without undoing each other's patch.

dragonfly imports POT (``ot``) at import time; POT in turn imports every array backend it finds,
TensorFlow included (seconds, and gigabytes in a Ray driver). ``import_dragonfly()`` disables
those backends first: dragonfly hands POT plain numpy arrays only.
"""
import contextlib
import importlib
import os
import threading
import warnings

import numpy as np

# The removed aliases were plain synonyms of the Python builtins.
_ALIASES = {"int": int, "float": float, "complex": complex, "bool": bool, "object": object,
            "str": str, "long": int, "unicode": str}


def _asscalar(a):
    """``np.asscalar`` as it was: the Python scalar of a one-element array."""
    return a.item()


_SHIMS = {**_ALIASES, "asscalar": _asscalar}

# POT's switches (ot/backend.py) for its optional backends; numpy stays on.
POT_BACKEND_SWITCHES = ("POT_BACKEND_DISABLE_PYTORCH", "POT_BACKEND_DISABLE_JAX",
                        "POT_BACKEND_DISABLE_CUPY", "POT_BACKEND_DISABLE_TENSORFLOW")

_lock = threading.RLock()
_depth = 0
_added: list = []


@contextlib.contextmanager
def numpy_patched():
    """Within the block, numpy has the names dragonfly needs; outside, it is unchanged."""
    global _depth
    with _lock:
        if _depth == 0:
            for name, value in _SHIMS.items():
                if name not in np.__dict__:
                    setattr(np, name, value)
                    _added.append(name)
        _depth += 1
    try:
        with warnings.catch_warnings():
            # dragonfly's kernels still call np.math (deprecated since numpy 1.25)
            warnings.filterwarnings("ignore", message=".*np.math.*", category=DeprecationWarning)
            yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                while _added:
                    delattr(np, _added.pop())


def restore_numpy_aliases() -> None:
    """Adds ``np.int`` etc. (and ``np.asscalar``) back for good; prefer ``numpy_patched()``."""
    for name, value in _SHIMS.items():
        if name not in np.__dict__:
            setattr(np, name, value)


def disable_pot_backends() -> None:
    """Keep POT from importing TensorFlow/PyTorch/JAX/CuPy (set before ``ot`` is imported)."""
    for key in POT_BACKEND_SWITCHES:
        os.environ.setdefault(key, "1")


def import_dragonfly():
    """Imports and returns the ``dragonfly`` package (numpy patched while it imports).

    dragonfly warns at import that its optional Fortran DIRECT optimiser is missing: our wheel is
    the pure-Python build (see tools/build_dragonfly_wheel.sh), which falls back to a Python DIRECT.
    """
    disable_pot_backends()
    with numpy_patched(), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*[Ff]ortran.*")
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        return importlib.import_module("dragonfly")


def import_dragonfly_module(name: str):
    """``import_dragonfly()`` then one of its submodules, e.g. ``"dragonfly.gp.kernel"``."""
    import_dragonfly()
    with numpy_patched(), warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        return importlib.import_module(name)
