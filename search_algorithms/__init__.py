"""Search algorithms: ``AgingEvoSearch`` (μNAS's aging evolution) and ``BayesOpt`` (μNAS's
Bayesian optimisation; ``BayesOptSearch`` is the same class). Imported lazily: importing this
package imports neither TensorFlow, Ray nor dragonfly."""
import importlib

_EXPORTS = {
    "AgingEvoSearch": "search_algorithms.aging_evolution",
    "BayesOpt": "search_algorithms.bayesopt",
    "BayesOptSearch": "search_algorithms.bayesopt",
}
__all__ = list(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'search_algorithms' has no attribute {name!r}")
