"""Interoperation with dragonfly-opt (Bayesian optimisation only).

dragonfly-opt 0.1.7 predates numpy 1.24 and still uses the removed aliases ``np.int``,
``np.float``, ... Import dragonfly through ``import_dragonfly()`` so the aliases exist first.
Nothing else in the project imports dragonfly (aging evolution never does).
"""
from dragonfly_adapters.numpy_compat import import_dragonfly, restore_numpy_aliases

__all__ = ["import_dragonfly", "restore_numpy_aliases"]
