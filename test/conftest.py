"""Test set-up: the repository root on sys.path (top-level modules such as config.py are imported
by name, as the driver does), TensorFlow's C++ log noise off."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
