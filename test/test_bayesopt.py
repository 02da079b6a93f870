"""Bayesian optimisation oracle: real CNN space and real resource figures, a fake error (no training).

The error of a candidate is a smooth function of its size (bigger trains better), so the GP has
something to learn; resources come from the real resource model, so the acquisition's bounds mean
what they mean in a real search.
"""
import json
import math

import numpy as np
import pytest

from cnn import CnnSearchSpace
from config import BayesOptConfig, BoundConfig, ConfigError, PruningConfig
from dragonfly_adapters.gp import kernel_hyperparameters, seeded_numpy
from search_algorithms.bayesopt import BayesOpt, BayesOptimisation
from search_algorithms.state import read_state

BOUNDS = dict(error_bound=0.12, peak_mem_bound=1_000, model_size_bound=20_000, mac_bound=200_000)
SMALL = dict(starting_points=4, hp_criterion="ml", refit_every=4, acq_max_evals=20,
             ga_population=8, ga_sample=4)


def space():
    s = CnnSearchSpace()
    s.input_shape, s.num_classes = (8, 8, 1), 10
    return s


def fake_error(point):
    from dragonfly_adapters.network import CandidateNetwork
    r = CandidateNetwork(point.arch, point_space).resources_at(point.sparsity)
    return 0.03 + 0.3 / (1.0 + r["model_size"] / 1000.0), r


point_space = space()


FULL_EPOCHS = 15


def score(point):
    """The fake error; a candidate trained for fewer epochs (multi-fidelity) errs more."""
    err, r = fake_error(point)
    if point.epochs is not None:
        err += 0.02 * (FULL_EPOCHS - point.epochs)
    return point.completed(val_error=err, test_error=err, resource_features=r,
                           epochs_run=point.epochs or 1)


def run(oracle, results=None, in_flight=2):
    """Drive the oracle with ``in_flight`` candidates at a time (first in, first out)."""
    running = []
    while not oracle.is_finished():
        while len(running) < in_flight:
            p = oracle.suggest()
            if p is None:
                break
            running.append(p)
        if results is not None and len(oracle.history) >= results:
            return running
        oracle.on_result(score(running.pop(0)))
    return running


def new_oracle(**kw):
    args = dict(bounds=BOUNDS, rounds=12, seed=3, **SMALL)
    args.update(kw)
    return BayesOptimisation(space(), **args)


def test_bo_search_proposes_valid_candidates_and_uses_the_model():
    o = new_oracle()
    run(o)
    assert len(o.history) == 12 and [p.id for p in sorted(o.history, key=lambda p: p.id)] == \
        list(range(12))
    # after the starting points, candidates come from the acquisition (an ask each)
    assert len(o.ask_seconds) == 12 - SMALL["starting_points"]
    by_id = sorted(o.history, key=lambda p: p.id)
    assert [p.origin for p in by_id] == [None] * 4 + ["acquisition"] * 8
    from search_algorithms.display import describe
    assert describe(by_id[0]) == "#0 (random)" and describe(by_id[5]) == "#5 (BO)"
    model = o.model()
    assert len(model) == 12 and model.dists[0].shape == (12, 12)
    for d in model.dists:
        assert np.allclose(np.diag(d), 0.0, atol=1e-9) and (d >= -1e-9).all()
    # the GP has learned something: its posterior mean ranks the evaluated points as their errors
    from dragonfly_adapters.numpy_compat import numpy_patched
    with numpy_patched():
        mean, _ = model.gp().eval(model.X)
    rank = np.corrcoef(np.argsort(np.argsort(mean)), np.argsort(np.argsort(model.Y)))[0, 1]
    assert rank > 0.8


def test_fast_and_straightforward_sampling_suggest_the_same_candidates():
    fast, slow = new_oracle(rounds=9, fast=True), new_oracle(rounds=9, fast=False)
    run(fast)
    run(slow)
    assert [p.arch.to_dict() for p in fast.history] == [p.arch.to_dict() for p in slow.history]


def test_candidates_out_of_bounds_skip_the_sample_and_score_the_same(monkeypatch):
    """A candidate whose resource terms reach the error term's cap scores the same whatever the
    GP sample: the fast path skips the sample (advancing the RNG as a draw would), and suggests
    what it suggests drawing every sample, and what dragonfly's own sampling suggests."""
    from dragonfly_adapters import gp as gp_module
    tight = dict(BOUNDS, mac_bound=100, model_size_bound=100, peak_mem_bound=10)  # all far over
    o = new_oracle(rounds=12, bounds=tight)
    run(o, results=6)
    skipped = []
    original_init = gp_module._FastSampler.__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        skipped.append(self)
    monkeypatch.setattr(gp_module._FastSampler, "__init__", init)
    o.acq_max_evals = 60
    picks = {}  # seed -> samples skipped
    for seed in (1, 2, 3):
        o.fast = True
        with_skip = o.acquire(seed)
        picks[seed] = skipped[-1].skipped
        monkeypatch.setattr(gp_module._FastSampler, "skip", None, raising=False)
        without_skip = o.acquire(seed)
        monkeypatch.undo()
        monkeypatch.setattr(gp_module._FastSampler, "__init__", init)
        o.fast = False
        straightforward = o.acquire(seed)
        assert with_skip[0].to_dict() == without_skip[0].to_dict() == straightforward[0].to_dict()
    assert sum(picks.values()) > 0  # some asks skipped samples (seeds 1 and 3: all 60)


@pytest.mark.parametrize("fidelity", [None, (4, FULL_EPOCHS)])
def test_resumed_model_is_the_uninterrupted_model(fidelity):
    """Telling a fresh oracle every finished point again gives the same GP: the same distances,
    values and hyperparameters, and the same next suggestion (and epochs)."""
    a = new_oracle(rounds=20, fidelity=fidelity)
    running = run(a, results=9)
    assert len(running) == 2  # two candidates in flight when the state is taken
    state = json.loads(json.dumps(a.get_state()))
    b = new_oracle(rounds=20, fidelity=fidelity)
    b.set_state(state, b.space.architecture_from_dict)
    b.queue.clear()  # b requeued the two in flight; as in a, they are running, not queued
    ma, mb = a.model(), b.model()
    assert ma.Y == mb.Y
    for da, db in zip(ma.dists, mb.dists):
        np.testing.assert_array_equal(da, db)
    with seeded_numpy(7):
        ha = kernel_hyperparameters(ma.gp())
    with seeded_numpy(7):
        hb = kernel_hyperparameters(mb.gp())
    assert ha == hb
    sa, sb = a.suggest(), b.suggest()
    assert (sa.arch.to_dict(), sa.epochs) == (sb.arch.to_dict(), sb.epochs)


def test_multifidelity_points_say_their_epochs_and_the_gp_models_them():
    fast = new_oracle(fidelity=(4, FULL_EPOCHS), rounds=10, fast=True)
    slow = new_oracle(fidelity=(4, FULL_EPOCHS), rounds=10, fast=False)
    run(fast)
    run(slow)
    points = sorted(fast.history, key=lambda p: p.id)
    assert all(4 <= p.epochs <= FULL_EPOCHS for p in points)
    # starting points: the full epochs with probability 0.5, else drawn from the range
    assert {p.epochs == FULL_EPOCHS for p in points[:4]} == {True, False}
    # the GP is dragonfly's multi-fidelity GP over (epochs) x (network)
    model = fast.model()
    assert model.Z == [[[p.epochs]] for p in fast.history]
    from dragonfly_adapters.numpy_compat import numpy_patched
    with numpy_patched():
        gp = model.gp()
        assert gp.ZZ == model.Z and len(gp.XX) == len(model.Y)
        # the same candidate predicted at fewer epochs errs more (the model learned the fidelity)
        x = model.X[0]
        low, high = gp.eval_at_fidel([[[4]], [[FULL_EPOCHS]]], [x, x])[0]
    assert -low > -high
    # the fast sampler gives dragonfly's own samples: same candidates, same epochs
    assert [(p.arch.to_dict(), p.epochs) for p in fast.history] == \
        [(p.arch.to_dict(), p.epochs) for p in slow.history]


def test_boca_threshold_coefficient_follows_dragonflys_rule():
    """x1.1 after a result when <= 25 % of the latest 20 were at the full epochs, /1.1 when
    >= 50 % (the fraction over a window of 20, as dragonfly divides), from the first result
    after the starting points."""
    from dragonfly_adapters.gp import Boca, ErrorModel
    boca = Boca(ErrorModel(fidelity=(4, FULL_EPOCHS)))
    assert boca.threshold_coefficient([False] * 10, starting_points=4) == \
        pytest.approx(0.01 * 1.1 ** 6)
    # all at the full epochs: 1..5 of 20 (<= 25 %) up, 6..9 unchanged, 10..30 down
    assert boca.threshold_coefficient([True] * 30, starting_points=0) == \
        pytest.approx(0.01 * 1.1 ** (5 - 21))


def test_the_evaluator_trains_a_point_for_its_epochs():
    from config import TrainingConfig
    from dataset import Digits
    from search_algorithms.evaluator import CandidateEvaluator
    from search_algorithms.points import Point
    import keras
    training = TrainingConfig(dataset=Digits(), epochs=5, batch_size=64,
                              optimizer=lambda: keras.optimizers.SGD(0.05))
    evaluator = CandidateEvaluator(point_space, training, keep_weights=False)
    arch = point_space.random_architecture(np.random.default_rng(0))
    two, _ = evaluator.evaluate(Point(id=0, arch=arch, epochs=2))
    full, _ = evaluator.evaluate(Point(id=1, arch=arch))
    assert two.ok and full.ok, (two.error, full.error)
    assert (two.epochs_run, full.epochs_run) == (2, 5)


def test_pruning_adds_a_sparsity_dimension_within_its_bounds():
    pruning = PruningConfig(structured=False, min_sparsity=0.2, max_sparsity=0.8)
    o = new_oracle(rounds=7, pruning=pruning,
                   bounds=dict(BOUNDS, peak_mem_bound=None, mac_bound=None))
    run(o)
    assert all(0.2 <= p.sparsity <= 0.8 for p in o.history)
    assert o.model().domain.num_domains == 2


def test_search_writes_the_bo_state_and_resumes(tmp_path):
    from config import TrainingConfig
    from dataset import Digits

    class Evaluator:
        def evaluate(self, point):
            return score(point)

    cfg = BayesOptConfig(search_space=space(), starting_points=4, rounds=7,
                         checkpoint_dir=str(tmp_path), gp_hp_criterion="ml", refit_every=3,
                         acq_max_evals=20)
    training = TrainingConfig(dataset=Digits(), optimizer=lambda: None, epochs=1)
    bounds = BoundConfig(**BOUNDS)
    search = BayesOpt("t", cfg, training, bounds, use_ray=False, evaluator_factory=Evaluator)
    history = search.search()
    path = tmp_path / "t_bo_search_state.json"
    assert search.state_path == path and path.exists()
    snapshot, events = read_state(path, algorithm="bayesian_optimisation")
    assert len(snapshot["points"]) == 7 and events == []
    # (what the acquisition achieves: test_bayesopt_rules.py, within the resource bounds)
    # more rounds on the same state: the earlier points are kept, in order
    cfg2 = BayesOptConfig(search_space=space(), starting_points=4, rounds=9,
                          checkpoint_dir=str(tmp_path), gp_hp_criterion="ml", refit_every=3,
                          acq_max_evals=20)
    again = BayesOpt("t", cfg2, training, bounds, use_ray=False, evaluator_factory=Evaluator)
    more = again.search(load_from=path)
    assert [p.to_dict() for p in more[:7]] == [p.to_dict() for p in history]
    assert len(more) == 9


def test_bo_config_is_validated():
    with pytest.raises(ConfigError, match="gp_hp_criterion"):
        BayesOptConfig(search_space=space(), gp_hp_criterion="mle")
    with pytest.raises(ConfigError, match="refit_every"):
        BayesOptConfig(search_space=space(), refit_every=0)
    with pytest.raises(ConfigError, match="acq_max_evals"):
        BayesOptConfig(search_space=space(), acq_max_evals=0)
    c = BayesOptConfig(search_space=space())
    assert (c.multifidelity, c.starting_points, c.rounds, c.checkpoint_dir) == \
        (False, 15, 800, "artifacts")
    assert math.isfinite(c.refit_every)
