"""The vendored pure-Python dragonfly-opt runs on numpy 1.26 through the alias shim."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_dragonfly_minimises_a_function_through_the_shim():
    code = (
        "import numpy as np\n"
        "from dragonfly_adapters import import_dragonfly\n"
        "d = import_dragonfly()\n"
        "np.random.seed(0)\n"
        "val, pt, _ = d.minimise_function(lambda x: (x[0] - 0.3) ** 2, [[-1, 1]], 5)\n"
        "assert 0 <= val < 1.7 ** 2 and -1 <= pt[0] <= 1, (val, pt)\n"
        "print('OK', val)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "OK" in out.stdout


def test_aliases_are_the_builtins():
    import numpy as np
    from dragonfly_adapters import restore_numpy_aliases
    restore_numpy_aliases()
    assert np.int is int and np.float is float and np.bool is bool
