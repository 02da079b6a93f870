"""The CNN search space of μNAS (see cnn_architecture.py for how an architecture becomes a network)."""
from cnn.cnn_architecture import CnnArchitecture

__all__ = ["CnnArchitecture"]
