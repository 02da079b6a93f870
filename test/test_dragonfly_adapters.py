"""The vendored pure-Python dragonfly-opt runs on numpy 1.26 through a scoped shim, imports no
TensorFlow, and μNAS's network wrapper / OTMANN distance behave as specified."""
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def test_dragonfly_minimises_a_function_better_than_random_search():
    """15 evaluations of (x - 0.3)^2 on [-1, 1]: dragonfly's GP bandit gets within 1e-4 of the
    minimum, and the value it reports is the function at the point it reports. The best of 15
    uniform random points (fixed seed) does not get there, so the bound says something about
    dragonfly (a result of any point in the domain, or of a random one, fails it)."""
    code = (
        "import numpy as np\n"
        "from argparse import Namespace\n"
        "from dragonfly_adapters.numpy_compat import import_dragonfly, numpy_patched\n"
        "d = import_dragonfly()\n"
        "f = lambda x: float((x[0] - 0.3) ** 2)\n"
        "np.random.seed(0)\n"
        "with numpy_patched():\n"
        "    val, pt, _ = d.minimise_function(f, [[-1, 1]], 15, reporter='silent',\n"
        "                                     options=Namespace(gpb_hp_tune_criterion='ml'))\n"
        "rs = np.random.default_rng(0).uniform(-1, 1, size=(15, 1))\n"
        "print(val, f(pt), min(f(x) for x in rs))\n"
    )
    val, at_pt, random_best = map(float, _run(code).split()[-3:])
    assert abs(val - at_pt) < 1e-12
    assert val < 1e-4 < random_best


def test_importing_dragonfly_imports_no_tensorflow():
    out = _run("import sys\n"
               "from dragonfly_adapters.numpy_compat import import_dragonfly\n"
               "import_dragonfly()\n"
               "import ot\n"
               "print('tensorflow' in sys.modules, 'torch' in sys.modules)\n")
    assert out.split() == ["False", "False"]


def test_numpy_shim_is_scoped_and_reentrant():
    from dragonfly_adapters.numpy_compat import numpy_patched
    assert "float" not in np.__dict__ and "asscalar" not in np.__dict__
    with numpy_patched():
        assert np.float is float and np.int is int and np.asscalar(np.array([2.5])) == 2.5
        with numpy_patched():
            assert np.bool is bool
        assert np.float is float  # the inner scope did not take the names away
    assert "float" not in np.__dict__ and "asscalar" not in np.__dict__


def _graph(kernels=(3,), pool=None, dense=None):
    from resource_models.graph import Graph
    from resource_models.ops import Conv2D, Dense, Input, Pool
    g = Graph(element_type=np.uint8)
    with g.as_current():
        x = Input((1, 8, 8, 1))
        for k in kernels:
            x = Conv2D(4, k, activation="relu")(x)
        if pool:
            x = Pool(2, type=pool)(x)
        if dense:
            x = Dense(dense, preflatten_input=True)(x)
        g.add_output(Dense(10, preflatten_input=True)(x))
    return g


def test_network_layers_labels_and_masses():
    from dragonfly_adapters.network import to_dragonfly_network
    g = _graph(kernels=(3, 5), pool="max")
    net = to_dragonfly_network(g)
    assert net.layer_labels[0] == "ip" and net.layer_labels[-1] == "op"
    assert net.layer_labels[1:-1] == ["Conv2D|k=3|bn=0|act=relu", "Conv2D|k=5|bn=0|act=relu",
                                      "Pool|type=max", "Dense|bn=0|act=None"]
    op_macs = [op.macs() for op in g.operators]
    filler = max(0.1 * sum(op_macs), 100)
    np.testing.assert_allclose(net.layer_masses, np.array([filler, *op_macs, filler]) / 1000)


def test_reordered_layer_masses_stay_with_their_layers():
    """Layers given out of topological order: after dragonfly sorts them, each layer keeps its own
    mass (μNAS dropped the re-ordered masses, leaving them in the old order)."""
    from scipy.sparse import dok_matrix
    from dragonfly_adapters.network import _network_class
    labels = ["Conv2D|k=3|bn=0|act=relu", "ip", "op", "Pool|type=max"]
    masses = np.array([5.0, 1.0, 2.0, 7.0])
    conn = dok_matrix((4, 4))
    conn[1, 0] = conn[0, 3] = conn[3, 2] = 1  # ip -> conv -> pool -> op
    from dragonfly_adapters.numpy_compat import numpy_patched
    with numpy_patched():
        net = _network_class()(labels, conn, [1, 4, 10, 4], masses)
    assert net.layer_labels == ["ip", "Conv2D|k=3|bn=0|act=relu", "Pool|type=max", "op"]
    assert net.layer_masses.tolist() == [1.0, 5.0, 7.0, 2.0]


def test_kahn_order_matches_dragonfly():
    from dragonfly_adapters.network import kahn_order
    from dragonfly_adapters.numpy_compat import import_dragonfly_module
    graph_utils = import_dragonfly_module("dragonfly.utils.graph_utils")
    rng = np.random.default_rng(1)
    for n in range(2, 12):
        A = np.triu((rng.random((n, n)) < 0.4).astype(float), 1)
        perm = rng.permutation(n)
        A = A[np.ix_(perm, perm)]
        start = int(np.argmax(perm == 0))
        A[start, :] = np.maximum(A[start, :], 0)
        expected, _ = graph_utils.kahn_topological_sort(A, start)
        assert kahn_order(A, start) == expected


def test_otmann_distance_is_zero_to_itself_and_grows_with_difference():
    from dragonfly_adapters.kernel import distance_computer
    from dragonfly_adapters.network import to_dragonfly_network
    a, b, c = (to_dragonfly_network(_graph(k)) for k in [(3,), (5,), (3, 3, 3)])
    d = distance_computer()
    ab, ac, aa = (np.array(d.evaluate_single(a, x)) for x in (b, c, a))
    assert len(ab) == 8                           # lp and emd for 4 coefficient groups
    assert np.allclose(aa, 0.0, atol=1e-9) and (ab > 0).all() and (ac > 0).all()
    full = np.array(distance_computer(5).evaluate_single(a, b))
    np.testing.assert_array_equal(full[:8], ab)  # the groups the kernel reads are unchanged


def test_label_mismatch_costs_follow_unas():
    from dragonfly_adapters.network import conv_label, dense_label, label_mismatch_costs, pool_label
    labels = [conv_label(False, 3, False, "relu"), conv_label(True, 5, True, None),
              pool_label("max"), pool_label("avg"), dense_label(False, None), "ip"]
    c = label_mismatch_costs(labels)
    assert c[0, 1] == pytest.approx(np.sqrt(4) / 10 + 0.3)
    assert c[2, 3] == 0.5 and c[0, 0] == 0.0
    assert np.isinf(c[0, 2]) and np.isinf(c[4, 5]) and np.isinf(c[2, 4])
    np.testing.assert_array_equal(c, c.T)


def test_fast_transport_gives_dragonfly_distances_bit_for_bit():
    """The direct network-simplex call (one problem per pair, ``decompose=False``) returns exactly
    dragonfly's distances (random CNNs)."""
    from cnn import CnnSearchSpace
    from dragonfly_adapters.kernel import distance_computer
    from dragonfly_adapters.network import CandidateNetwork
    space = CnnSearchSpace()
    space.input_shape, space.num_classes = (8, 8, 1), 10
    rng = np.random.default_rng(5)
    cands = [CandidateNetwork(space.random_architecture(rng), space) for _ in range(6)]
    fast = distance_computer(fast_ot=True, decompose=False)
    plain = distance_computer(fast_ot=False)
    for d_fast, d_plain in zip(fast(cands, cands), plain(cands, cands)):
        np.testing.assert_array_equal(d_fast, d_plain)
    # batched one row against many columns, and one column against many rows
    for X1, X2 in [(cands[:1], cands[1:]), (cands[1:], cands[:1]), (cands[:2], cands[2:]),
                   (cands[2:], cands[:2])]:
        got, expected = fast(X1, X2), plain(X1, X2)
        assert len(got) == len(expected) == 8
        for d_fast, d_plain in zip(got, expected):
            np.testing.assert_array_equal(d_fast, d_plain)
    assert (fast(cands[:1], cands[1:])[0] > 0).all()


def _random_candidates(seed, n_cnn=10, n_mlp=6):
    """Random CNN and MLP candidates, and a random morph of each of the first few (close pairs)."""
    from cnn import CnnSearchSpace
    from dragonfly_adapters.network import CandidateNetwork
    from mlp import MlpSearchSpace
    cnn = CnnSearchSpace()
    cnn.input_shape, cnn.num_classes = (8, 8, 1), 10
    mlp = MlpSearchSpace(input_shape=(20,), num_classes=5)
    rng = np.random.default_rng(seed)
    out = []
    for space, n in [(cnn, n_cnn), (mlp, n_mlp)]:
        archs = [space.random_architecture(rng) for _ in range(n)]
        archs += [space.random_morph(a, rng) for a in archs[:n // 2]]
        out.append([CandidateNetwork(a, space) for a in archs])
    return out


@pytest.mark.parametrize("seed", [11, 12])
def test_layer_features_from_the_resource_graph_are_dragonflys(seed):
    """Labels, masses and path lengths computed from the resource graph (no dragonfly network)
    are dragonfly's, bit for bit."""
    from dragonfly_adapters.network import LayerFeatures
    for cands in _random_candidates(seed):
        for c in cands:
            from_graph = LayerFeatures.of_graph(c._graph)
            from_net = LayerFeatures.of_network(c.network)
            for name in ("label_index", "masses", "bkwd", "fwd"):
                np.testing.assert_array_equal(getattr(from_graph, name), getattr(from_net, name))
            assert from_graph.total == from_net.total == sum(c.network.layer_masses)


def _assert_close_to_dragonfly(got, expected, totals):
    # rel 1e-9; values that cancel to ~0 (a network against itself) to 1e-12 of the masses
    err = np.abs(got - expected)
    bound = 1e-9 * np.abs(expected) + 1e-12 * totals
    assert (err <= bound).all(), f"worst error / bound: {np.max(err / bound)}"


@pytest.mark.parametrize("solver", ["compiled", "pot"])
@pytest.mark.parametrize("seed", [21, 22, 23])
def test_decomposed_distances_equal_dragonflys(seed, solver, monkeypatch):
    """The label-group decomposition gives dragonfly's ``evaluate_single`` values (rel 1e-9) on
    random CNNs (convolutions, depthwise, pooling, Add branches, dense) and MLPs, and their
    morphs; for the four groups the kernel reads and for all five; with the compiled transport
    solver and with POT's (and the closed forms it comes with)."""
    monkeypatch.setenv("UNAS_TRANSPORT", solver)
    from dragonfly_adapters.kernel import distance_computer
    from dragonfly_adapters.network import layer_group
    from dragonfly_adapters.numpy_compat import import_dragonfly_module, numpy_patched
    base = import_dragonfly_module("dragonfly.nn.otmann").OTMANNDistanceComputer
    cnns, mlps = _random_candidates(seed)
    groups = {layer_group(lab) for c in cnns for lab in c.network.layer_labels}
    assert {"conv", "pool", "aggr", "dense"} <= groups  # the sample covers every group
    for used in (4, 5):
        dec, plain = distance_computer(used), distance_computer(used, fast_ot=False)
        for cands in (cnns, mlps):
            nets = [c.network for c in cands]
            totals = np.array([[a.features.total + b.features.total for b in cands]
                               for a in cands])
            with numpy_patched():
                expected = [[base.evaluate_single(plain, x1, x2) for x2 in nets] for x1 in nets]
                got = dec(cands, cands)
            assert len(got) == 2 * used
            for k, g in enumerate(got):
                e = np.array([[row[j][k] for j in range(len(nets))] for row in expected])
                _assert_close_to_dragonfly(g, e, totals if k % 2 == 0 else 1.0)
            assert all((np.diag(g) == 0).all() for g in dec([cands[0]], [cands[0]]))
            # rows against many columns and columns against many rows, dragonfly networks too
            for X1, X2 in [(cands[:1], cands[1:]), (cands[3:], cands[:3]), (nets[:2], nets[2:])]:
                for g, e in zip(dec(X1, X2), plain(X1, X2)):
                    np.testing.assert_allclose(g, e, rtol=1e-9, atol=1e-9)
            with numpy_patched():
                single = dec.evaluate_single(cands[0], cands[1])
                np.testing.assert_allclose(single, base.evaluate_single(plain, nets[0], nets[1]),
                                           rtol=1e-9)


def test_decomposed_rows_against_a_prepared_batch():
    """``rows(x, prepare(X))`` is ``evaluate([x], X)``, and ``undecomposed`` switches a computer
    to one problem per pair (dragonfly's values bit for bit) inside its block only."""
    from dragonfly_adapters.kernel import distance_computer, undecomposed
    cnns, _ = _random_candidates(31, n_cnn=8, n_mlp=2)
    d = distance_computer()
    batch = d.prepare(cnns[1:])
    for got, expected in zip(d.rows(cnns[0], batch), d([cnns[0]], cnns[1:])):
        np.testing.assert_array_equal(got, expected)
    exact = distance_computer(decompose=False)
    with undecomposed(d):
        assert not d.decompose
        for got, expected in zip(d(cnns[:2], cnns[2:]), exact(cnns[:2], cnns[2:])):
            np.testing.assert_array_equal(got, expected)
    assert d.decompose
