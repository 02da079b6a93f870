"""The MLP search space of μNAS."""
from mlp.mlp_architecture import MlpArchitecture
from mlp.mlp_search_space import MlpSearchSpace

__all__ = ["MlpArchitecture", "MlpSearchSpace"]
