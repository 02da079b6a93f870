"""The partial-transport solvers behind the decomposed OTMANN distance give the optimum of the
transport problem as dragonfly poses it (null layers, solved by ``ot.emd2``) on thousands of small
random problems: ties, zero masses, empty sides, pairs that never exchange mass."""
import numpy as np
import ot
import pytest

from dragonfly_adapters.transport import (cheapest_partial_transports, solver_name,
                                          two_row_partial_transports)

APART = 7.65432e5  # dragonfly's stand-in for an infinite cost


def dragonfly_value(C, r, c):
    """min sum x (C - 2) over partial plans, from dragonfly's balanced problem: supplies r and a
    null layer holding sum(c), demands c and a null layer holding sum(r), cost 1 to a null layer,
    0 between them; its optimum minus sum(r) + sum(c)."""
    T1, T2 = r.sum(), c.sum()
    if T1 == 0 or T2 == 0:
        return 0.0
    M = np.ones((len(r) + 1, len(c) + 1))
    M[:-1, :-1] = C
    M[-1, -1] = 0.0
    a, b = np.append(r, T2), np.append(c, T1)
    total = a.sum()
    return ot.emd2(a / total, b / b.sum(), M) * total - T1 - T2


def random_problems(rng, count, n, m):
    """Costs in [0, 3) with ties (a few shared values), exact 2s, pairs that never exchange mass
    (``APART``); masses with zeros and sometimes a whole side empty."""
    C = rng.uniform(0.0, 3.0, (count, n, m))
    tied = rng.random(C.shape) < 0.3
    C[tied] = rng.choice([0.0, 0.5, 1.0, 1.5, 2.0], size=tied.sum())
    C[rng.random(C.shape) < 0.15] = APART
    r = rng.choice([0.0, 0.5, 1.0, 2.0, 7.25], size=(count, n)) * (rng.random((count, n)) < 0.5)
    r += rng.uniform(0.0, 3.0, (count, n)) * (r == 0) * (rng.random((count, n)) < 0.8)
    c = rng.uniform(0.0, 3.0, (count, m)) * (rng.random((count, m)) < 0.85)
    c[rng.random(count) < 0.05] = 0.0
    return C, r, c


def _assert_optimal(got, C, r, c):
    expected = np.array([dragonfly_value(*p) for p in zip(C, r, c)])
    err = np.abs(got - expected)
    bound = 1e-12 * (r.sum(-1) + c.sum(-1)) + 1e-15
    assert (err <= bound).all(), f"worst error / bound {np.max(err / bound)}"
    return expected


@pytest.mark.parametrize("m", range(1, 7))
def test_two_row_closed_form_is_the_transport_optimum(m):
    rng = np.random.default_rng(100 + m)
    C, r, c = random_problems(rng, 1500, 2, m)
    expected = _assert_optimal(two_row_partial_transports(C, r, c), C, r, c)
    assert (expected < -1e-3).mean() > 0.5  # most problems move mass
    # the same problems with rows and columns exchanged are the same problems
    if m == 2:
        _assert_optimal(two_row_partial_transports(np.swapaxes(C, 1, 2), c, r), C, r, c)


@pytest.mark.parametrize("solver", ["compiled", "pot"])
@pytest.mark.parametrize("n,m", [(1, 1), (2, 3), (3, 3), (4, 6), (7, 5), (9, 11), (17, 21)])
def test_batched_solvers_give_the_transport_optimum(n, m, solver):
    """K cost matrices for H problems sharing the row masses (as the decomposition poses them),
    padded with massless columns that cost 3 (never used), by either solver."""
    rng = np.random.default_rng(10 * n + m)
    K, H = 3, 200 if n * m < 100 else 40
    C, r_each, c = random_problems(rng, K * H, n, m)
    r = r_each[0]  # one network's layers against many
    costs = np.full((K, H, n, m + 2), 3.0)
    costs[:, :, :, :m] = C.reshape(K, H, n, m)
    cols = np.hstack((c.reshape(K, H, m)[0], np.zeros((H, 2))))
    got = cheapest_partial_transports(costs, r, cols, solver=solver)
    for k in range(K):
        _assert_optimal(got[k], C.reshape(K, H, n, m)[k], np.broadcast_to(r, (H, n)),
                        cols[:, :m])


def test_compiled_solver_on_dense_degenerate_problems():
    """Every pair cheap (as in the OTMANN conv groups), many exact ties and equal masses: the
    degenerate cases of successive shortest paths, against dragonfly's formulation."""
    rng = np.random.default_rng(7)
    for n, m in [(5, 5), (6, 4), (12, 15)]:
        C = rng.choice([0.25, 0.5, 1.0, 1.5], size=(300, n, m))
        r = rng.choice([1.0, 2.0, 4.0], size=(300, n))
        c = rng.choice([1.0, 2.0, 4.0], size=(300, m))
        for i in range(300):
            got = cheapest_partial_transports(C[i][None, None], r[i], c[i][None],
                                              solver="compiled")[0, 0]
            _assert_optimal(np.array([got]), C[i][None], r[i][None], c[i][None])


def test_solver_choice(monkeypatch):
    monkeypatch.setenv("UNAS_TRANSPORT", "pot")
    assert solver_name() == "pot"
    monkeypatch.setenv("UNAS_TRANSPORT", "compiled")
    assert solver_name() == "compiled"  # this machine has a C compiler
    monkeypatch.setenv("UNAS_TRANSPORT", "fast")
    with pytest.raises(ValueError, match="UNAS_TRANSPORT='fast'"):
        solver_name()


def test_the_compiled_solver_is_built_once_into_its_cache(monkeypatch, tmp_path):
    import dragonfly_adapters.transport as T
    monkeypatch.setattr(T, "_compiled", None)
    monkeypatch.setenv("UNAS_TRANSPORT_CACHE", str(tmp_path))
    monkeypatch.delenv("UNAS_TRANSPORT", raising=False)
    assert solver_name() == "compiled"
    built = list(tmp_path.glob("partial_transport-*.so"))
    assert len(built) == 1 and not list(tmp_path.glob("*.tmp"))
    monkeypatch.setattr(T, "_compiled", None)
    monkeypatch.setenv("CC", str(tmp_path / "no-such-cc"))  # a second load compiles nothing
    assert solver_name() == "compiled"


def test_without_a_compiler_pot_solves_and_compiled_is_refused(monkeypatch, tmp_path, caplog):
    import dragonfly_adapters.transport as T
    monkeypatch.setattr(T, "_compiled", None)
    monkeypatch.setenv("UNAS_TRANSPORT_CACHE", str(tmp_path))
    monkeypatch.setenv("CC", str(tmp_path / "no-such-cc"))
    monkeypatch.delenv("UNAS_TRANSPORT", raising=False)
    with caplog.at_level("WARNING"):
        assert solver_name() == "pot"
    assert "compiled solver is unavailable" in caplog.text and "no-such-cc" in caplog.text
    with pytest.raises(T.TransportSolverUnavailable, match="no-such-cc"):
        solver_name("compiled")
    rng = np.random.default_rng(3)
    C, r, c = random_problems(rng, 50, 3, 4)
    got = cheapest_partial_transports(C[None], r[0], c)
    _assert_optimal(got[0], C, np.broadcast_to(r[0], (50, 3)), c)


def test_problems_the_compiled_solver_gives_up_on_are_solved_by_pot():
    """(It has never given up: a guard against cycling.) The NaN entries, and only those, are
    replaced by POT's optimum of the same problems."""
    from dragonfly_adapters.transport import _pot_where_given_up
    rng = np.random.default_rng(5)
    C, r, c = random_problems(rng, 6, 3, 4)
    r = np.broadcast_to(r[0], (6, 3))
    values = np.arange(6.0)[None, :].copy()
    values[0, [1, 4]] = np.nan
    got = _pot_where_given_up(values, 2, lambda: C[None], r, c)
    expected = np.array([dragonfly_value(*p) for p in zip(C, r, c)])
    assert got[0, 1] == pytest.approx(expected[1], abs=1e-12)
    assert got[0, 4] == pytest.approx(expected[4], abs=1e-12)
    assert list(got[0, [0, 2, 3, 5]]) == [0.0, 2.0, 3.0, 5.0]
