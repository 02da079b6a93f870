"""Restores the numpy scalar aliases that dragonfly-opt 0.1.7 uses (removed in numpy 1.24)."""
import importlib
import warnings

import numpy as np

# The removed aliases were plain synonyms of the Python builtins.
_ALIASES = {"int": int, "float": float, "complex": complex, "bool": bool, "object": object,
            "str": str, "long": int, "unicode": str}


def restore_numpy_aliases() -> None:
    """Adds ``np.int`` etc. back when missing; harmless when numpy still has them."""
    for name, value in _ALIASES.items():
        if name not in np.__dict__:
            setattr(np, name, value)


def import_dragonfly():
    """Imports and returns the ``dragonfly`` package with the numpy aliases in place.

    dragonfly warns at import that its optional Fortran DIRECT optimiser is missing: our wheel is
    the pure-Python build (see tools/build_dragonfly_wheel.sh), which falls back to a Python DIRECT.
    """
    restore_numpy_aliases()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*[Ff]ortran.*")
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        return importlib.import_module("dragonfly")
