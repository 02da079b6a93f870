"""Bayesian optimisation search (μNAS's dragonfly-based search): not built yet.

The class exists so that configs naming it fail with a clear message instead of an import error.
It never imports dragonfly, and aging evolution never imports this module's dependencies.
"""


class BayesOptSearch:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError(
            "Bayesian optimisation search is not built yet: use search_algorithm = AgingEvoSearch "
            "(with an AgingEvoConfig) in the config file.")
