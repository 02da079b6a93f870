"""Test set-up: the repository root on sys.path (top-level modules such as config.py are imported
by name, as the driver does), TensorFlow's C++ log noise off."""
import os
import signal
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def default_sigint_in_children() -> None:
    """``preexec_fn`` for every process a test starts: SIGINT back to its default.

    A non-interactive shell starts background jobs (``make test > log &``) with SIGINT ignored and
    children inherit an ignored signal, so a child Python would never raise KeyboardInterrupt and
    the Ctrl-C tests would depend on how the suite was launched. Only async-signal-safe work here.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


#: Keyword arguments for ``subprocess.Popen``/``run`` in tests (see above).
CHILD = dict(preexec_fn=default_sigint_in_children)

# The same for processes started by libraries inside the test process (Ray's raylet and workers):
# a handler (unlike SIG_IGN) is reset to the default by exec, so children start with SIGINT live.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

#: Deadline (seconds) for waiting on another process: generous, because the suite may share its
#: cores with other work; tests wait for an observable event, never for a fixed short time.
DEADLINE = float(os.environ.get("UNAS_TEST_DEADLINE", 900))

#: The 65 graphs with the figures the original μNAS computes for them (a copy of
#: shared/reference/resource_graphs.json, kept in the repository so that the golden tests run on
#: any clone and can never silently skip).
REFERENCE_GRAPHS = os.path.join(ROOT, "test", "data", "reference_resource_graphs.json")


def load_reference_records(tag_prefix=""):
    """Reference records whose tag starts with `tag_prefix` ("CnnSearchSpace", "MlpSearchSpace")."""
    import json
    with open(REFERENCE_GRAPHS) as f:
        return [r for r in json.load(f) if r["tag"].startswith(tag_prefix)]


@pytest.fixture(scope="module")
def local_ray():
    """A local Ray for one test module, shut down after it unless it was already running (a cluster
    the suite was pointed at). Ray is imported here so that modules without it never pay for it."""
    import ray

    from search_algorithms.workers import start_ray
    started = start_ray()
    yield
    if started:
        ray.shutdown()
