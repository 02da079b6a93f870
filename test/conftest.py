"""Test set-up: the repository root on sys.path (top-level modules such as config.py are imported
by name, as the driver does), TensorFlow's C++ log noise off."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

#: The 65 graphs with the figures the original μNAS computes for them (a copy of
#: shared/reference/resource_graphs.json, kept in the repository so that the golden tests run on
#: any clone and can never silently skip).
REFERENCE_GRAPHS = os.path.join(ROOT, "test", "data", "reference_resource_graphs.json")


def load_reference_records(tag_prefix=""):
    """Reference records whose tag starts with `tag_prefix` ("CnnSearchSpace", "MlpSearchSpace")."""
    import json
    with open(REFERENCE_GRAPHS) as f:
        return [r for r in json.load(f) if r["tag"].startswith(tag_prefix)]
