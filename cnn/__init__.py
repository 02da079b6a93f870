"""The CNN search space of μNAS (see cnn_architecture.py for how an architecture becomes a network)."""
from cnn.cnn_architecture import CnnArchitecture
from cnn.cnn_search_space import CnnSearchSpace

__all__ = ["CnnArchitecture", "CnnSearchSpace"]
