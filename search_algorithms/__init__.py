"""Search algorithms. ``AgingEvoSearch`` is μNAS's aging evolution; ``BayesOptSearch`` is a
placeholder that says it is not built yet. Imported lazily: importing this package imports neither
TensorFlow, Ray nor dragonfly."""
import importlib

_EXPORTS = {
    "AgingEvoSearch": "search_algorithms.aging_evolution",
    "BayesOptSearch": "search_algorithms.bayesopt",
}
__all__ = list(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'search_algorithms' has no attribute {name!r}")
