"""Bayesian optimisation's rules, each checked against what dragonfly or μNAS specify (hand-worked
values, the documented rule, μNAS's literal settings), not against a second run of the same code.

The fixtures of ``test_bayesopt.py`` (a real CNN space with real resource figures, a fake error that
falls with the model size) drive the oracle.
"""
import math
from types import SimpleNamespace

import numpy as np
import pytest

from dragonfly_adapters.gp import ErrorModel, kernel_hyperparameters, seeded_numpy
from search_algorithms.bayesopt import BayesOpt, default_acq_budget
from search_algorithms.points import OBJECTIVE_BOUNDS, RESOURCE_FEATURES
from test_bayesopt import BOUNDS, FULL_EPOCHS, new_oracle, point_space, run, score


def candidate(seed):
    from dragonfly_adapters.network import CandidateNetwork
    return CandidateNetwork(point_space.random_architecture(np.random.default_rng(seed)),
                            point_space)


# --- the points in flight are hallucinated ------------------------------------------------------
def posterior_at(oracle, cand):
    """(mean, variance) of the normal that one ask's Thompson sampler draws from at ``cand``."""
    from dragonfly_adapters import gp as gp_module
    from dragonfly_adapters.numpy_compat import numpy_patched
    samplers, drawn = [], []
    real = gp_module.thompson_sampler

    def keep(*args, **kwargs):
        samplers.append(real(*args, **kwargs))
        return samplers[-1]

    def draw_gaussian_samples(n, mean, covar):
        drawn.append((float(np.ravel(mean)[0]), float(np.ravel(covar)[0])))
        return np.zeros((n, 1))
    gp_module.thompson_sampler = keep
    try:
        model = oracle.model()
        with seeded_numpy(11), numpy_patched():
            oracle._acquisition(model, model.gp())
            samplers[-1].gen = SimpleNamespace(draw_gaussian_samples=draw_gaussian_samples)
            samplers[-1](model.point(cand))
            noise = float(model.gp().noise_var)
    finally:
        gp_module.thompson_sampler = real
    return drawn[-1] + (noise,)


def test_a_candidate_in_flight_is_hallucinated_as_observed_at_its_mean():
    """dragonfly's asynchronous Thompson sampling conditions the GP on each candidate still being
    trained as if its posterior mean had been observed (with the GP's noise): at that candidate
    the mean is unchanged and the variance v becomes v * noise / (v + noise) (one more noisy
    observation of a Gaussian), floored at 5 % of the noise as dragonfly floors a covariance of a
    kernel that is not guaranteed positive definite."""
    o = new_oracle(rounds=20)
    running = run(o, results=8, in_flight=1)
    assert len(running) == 1
    cand = o._candidate(running[0])
    mean_h, var_h, noise = posterior_at(o, cand)
    o.pending.pop(running[0].id)  # no longer in flight (its result not told)
    mean, var, _ = posterior_at(o, cand)
    assert var > 0.05 * noise
    assert mean_h == pytest.approx(mean, rel=1e-6, abs=1e-9)
    assert var_h == pytest.approx(max(var * noise / (var + noise), 0.05 * noise), rel=1e-4)
    assert var_h < 0.9 * var


# --- BOCA's choice of epochs ---------------------------------------------------------------------
@pytest.mark.parametrize("coefficient, cheaper", [(1e-9, True), (1e9, False)])
def test_boca_trains_cheaper_only_where_the_model_is_uncertain_enough(monkeypatch, coefficient,
                                                                      cheaper):
    """BOCA (Kandasamy et al. 2017, dragonfly's ``boca``): a fidelity cheaper than the full one is
    chosen when the GP's standard deviation there exceeds ``coefficient * y_range *
    sqrt(cost ratio) * information gap``, and then the cheapest such one, never one costing more
    than 90 % of the full epochs; otherwise the full epochs. A vanishing coefficient makes every
    cheaper fidelity qualify, a huge one none."""
    from dragonfly_adapters.gp import Boca
    o = new_oracle(rounds=20, fidelity=(4, FULL_EPOCHS))
    run(o, results=8)
    monkeypatch.setattr(Boca, "threshold_coefficient", lambda self, *a, **k: coefficient)
    chosen = [o.acquire_with_fidelity(seed)[2] for seed in (1, 2, 3)]
    if cheaper:
        assert all(4 <= e <= 0.9 * FULL_EPOCHS for e in chosen), chosen
    else:
        assert chosen == [FULL_EPOCHS] * 3


@pytest.mark.parametrize("epochs, expected", [(1, None), (3, (1, 3)), (10, (3, 10)),
                                              (15, (4, 15)), (100, (30, 100))])
def test_fidelity_range_is_30_to_100_percent_of_the_epochs(epochs, expected):
    """μNAS: ``IntegralDomain([[max(1, int(0.3 * epochs)), epochs]])`` (hand-computed here);
    no multi-fidelity, no range."""
    search = SimpleNamespace(config=SimpleNamespace(multifidelity=True),
                             training_config=SimpleNamespace(epochs=epochs))
    if expected is None:
        expected = (1, 1)
    assert BayesOpt.fidelity.fget(search) == expected
    search.config.multifidelity = False
    assert BayesOpt.fidelity.fget(search) is None


# --- when the GP's hyperparameters are refitted --------------------------------------------------
def test_hyperparameters_are_refitted_only_every_refit_every_points():
    """With ``refit_every=4`` the hyperparameters are fitted on all points while there are fewer
    than 4, then on the first 4, 8, 12, ... points: from the 2nd point on (a GP needs two) they
    change on the 3rd, 4th, 8th and 12th point and stay between those."""
    model = ErrorModel(criterion="ml", refit_every=4, seed=5)
    assert [model.fit_size_for(n) for n in range(1, 14)] == \
        [1, 2, 3, 4, 4, 4, 4, 8, 8, 8, 8, 12, 12]
    from dragonfly_adapters.numpy_compat import numpy_patched
    hps = []
    for i in range(13):
        cand = candidate(seed=i)
        model.add(cand, None, -(0.05 + 0.3 / (1 + cand.resources["model_size"] / 1000)))
        if len(model) >= 2:
            with numpy_patched():
                hps.append((len(model), kernel_hyperparameters(model.gp())))
    changed = [n for (_, a), (n, b) in zip(hps, hps[1:]) if a != b]
    assert changed == [3, 4, 8, 12]


# --- the acquisition budget ----------------------------------------------------------------------
@pytest.mark.parametrize("proposed, dim, budget", [
    (0, 1, 300), (500, 1, 300), (100, 2, 300), (10, 9, 300),  # 25 * sqrt(10) = 79 -> 300
    (400, 5, 500), (1000, 5, 790), (5000, 7, 790),            # 25 * sqrt(1000) = 790.6
    (900, 4, 480)])                                           # 16 * 30
def test_default_acquisition_budget_is_dragonflys_for_network_domains(proposed, dim, budget):
    """dragonfly's GA budget on a domain with a network: ``clip(min(5, dim)^2 * sqrt(min(t,
    1000)), 300, 1000)`` evaluations at step ``t`` (hand-computed)."""
    assert default_acq_budget(proposed, dim) == budget


def test_an_ask_without_a_configured_budget_evaluates_dragonflys_300_candidates(monkeypatch):
    o = new_oracle(rounds=8, acq_max_evals=None)
    run(o, results=5)
    seen = []
    real = type(o)._maximise

    def counting(self, acquisition, budget):
        def count(*args):
            seen.append(args)
            return acquisition(*args)
        return real(self, count, budget)
    monkeypatch.setattr(type(o), "_maximise", counting)
    o.acquire(1)
    assert len(seen) == 300


# --- OTMANN: μNAS's settings ---------------------------------------------------------------------
#: μNAS's ``dragonfly_adapters/kernel.py`` (eliberis/uNAS): its groups and coefficients, copied as
#: data; dragonfly's NN kernel reads the first four groups.
UNAS_GROUPS = ["all", "conv", "pool", "aggr", "dense"]
UNAS_MISLABEL = {"all": 1.0, "conv": 1.0, "pool": 1.0, "aggr": 1.0, "dense": 1.0}
UNAS_STRUCT = {"all": 0.1, "conv": 0.25, "pool": 0.61, "aggr": 0.2, "dense": 1.5}


def unas_label_cost(a: str, b: str) -> float:
    """μNAS's ``build_label_mismatch_cost_matrix`` rule for one pair, written out again."""
    from dragonfly_adapters.network import parse_label
    if a == b:
        return 0.0
    x, y = parse_label(a), parse_label(b)
    if x["group"] == y["group"] == "conv":
        return (math.sqrt(2 * abs(x["k"] - y["k"])) / 10 + 0.1 * (x["bn"] != y["bn"])
                + 0.1 * (x["act"] != y["act"]) + 0.1 * (x["depthwise"] != y["depthwise"]))
    if x["group"] == y["group"] == "pool":
        return 0.5 if x["type"] != y["type"] else 0.0
    if x["group"] == y["group"] == "dense":
        return 0.1 * (x["bn"] != y["bn"]) + 0.1 * (x["act"] != y["act"])
    return math.inf


def unas_distance_computer():
    """dragonfly's OTMANN computer set up exactly as μNAS's ``get_distance_computer``."""
    from dragonfly_adapters.network import ALL_LABELS
    from dragonfly_adapters.numpy_compat import import_dragonfly_module
    otmann = import_dragonfly_module("dragonfly.nn.otmann")
    costs = np.array([[unas_label_cost(a, b) for b in ALL_LABELS] for a in ALL_LABELS])
    return otmann.OTMANNDistanceComputer(
        all_layer_labels=ALL_LABELS, label_mismatch_penalty=costs, non_assignment_penalty=1.0,
        structural_penalty_groups=UNAS_GROUPS, path_length_types=["shortest", "longest", "rw"],
        dflt_mislabel_coeffs=[UNAS_MISLABEL[g] for g in UNAS_GROUPS],
        dflt_struct_coeffs=[UNAS_STRUCT[g] for g in UNAS_GROUPS],
        dflt_dist_type="lp-emd", connectivity_diff_cost_function="linear")


def test_otmann_distances_use_unas_coefficients():
    """The distances the GP reads (lp and emd of the first four groups) equal those of dragonfly's
    computer configured with μNAS's literal settings, on random candidate pairs."""
    from dragonfly_adapters.kernel import distance_computer
    from dragonfly_adapters.numpy_compat import numpy_patched
    ours = distance_computer()
    assert list(ours.dflt_struct_coeffs) == [0.1, 0.25, 0.61, 0.2]
    assert list(ours.dflt_mislabel_coeffs) == [1.0] * 4
    reference = unas_distance_computer()
    nets = [candidate(seed) for seed in range(6)]
    with numpy_patched():
        got = ours([n for n in nets[:3]], [n for n in nets[3:]])
        for i in range(3):
            for j in range(3):
                want = reference.evaluate_single(nets[i].network, nets[3 + j].network)
                # reference: [lp, emd] per group, 5 groups; the kernel reads groups 0..3
                assert len(want) == 10
                np.testing.assert_allclose([g[i, j] for g in got], want[:8], rtol=1e-9)


# --- failed and non-finite results ---------------------------------------------------------------
def test_failed_and_non_finite_results_stay_out_of_the_gp():
    o = new_oracle(rounds=12)
    for _ in range(7):
        p = o.suggest()
        if p.id == 2:
            o.on_result(p.failed("out of memory"))
        elif p.id == 4:
            nan = score(p)
            nan.val_error = float("nan")
            o.on_result(nan)
        elif p.id == 5:
            inf = score(p)
            inf.val_error = float("inf")
            o.on_result(inf)
        else:
            o.on_result(score(p))
    model = o.model()
    assert len(model) == 4 and all(math.isfinite(y) for y in model.Y)
    expected = [-p.val_error for p in o.history if p.id in (0, 1, 3, 6)]
    assert model.Y == expected


# --- what the acquisition achieves ---------------------------------------------------------------
def test_acquisition_picks_candidates_within_the_resource_bounds():
    """The acquisition knows each candidate's resources exactly and any term past its bound
    dominates the score, so it should pick candidates within the resource bounds far more often
    than a random architecture is (bounds chosen so few random candidates meet them)."""
    tight = dict(BOUNDS, peak_mem_bound=700, model_size_bound=6_000, mac_bound=100_000)
    rng = np.random.default_rng(0)

    def within(arch):
        from dragonfly_adapters.network import CandidateNetwork
        r = CandidateNetwork(arch, point_space).resources
        return all(r[name] <= tight[OBJECTIVE_BOUNDS[name]] for name in RESOURCE_FEATURES)
    random_rate = np.mean([within(point_space.random_architecture(rng)) for _ in range(300)])
    o = new_oracle(rounds=16, bounds=tight, acq_max_evals=60, ga_population=20)
    run(o)
    picked = [p for p in o.history if p.origin == "acquisition"]
    picked_rate = np.mean([within(p.arch) for p in picked])
    assert len(picked) == 12
    assert random_rate <= 0.1, random_rate  # measured: 5 %
    assert picked_rate >= 0.4, (picked_rate, random_rate)  # measured: 58-67 % (seeds 3, 4)


# --- the model size BO reports for a pruned candidate --------------------------------------------
def test_bo_reports_the_non_zero_weights_of_a_structurally_pruned_candidate(tmp_path):
    """μNAS's BO scores every pruned candidate with ``model_size(sparse=True)``; its aging evolution
    only an unstructurally pruned one. On a network whose Adds join channels pruned differently
    (so a live channel space holds zero kernel slices) the two figures differ."""
    from config import AgingEvoConfig, BayesOptConfig, BoundConfig, PruningConfig, TrainingConfig
    from dataset import Digits
    from model_trainer import TrainingResult
    from resource_models.models import model_size
    from search_algorithms.aging_evolution import AgingEvoSearch
    from search_algorithms.points import Point

    space = point_space
    rng = np.random.default_rng(0)

    def structured_kernels(arch):
        kernels = {}
        for layer in space.to_keras_model(arch).layers:
            if type(layer).__name__ in ("Conv2D", "Dense") and layer.name != "classifier":
                k = layer.get_weights()[0].copy()
                k[..., rng.random(k.shape[-1]) < 0.4] = 0.0      # whole output channels
                kernels[layer.name] = k
        return kernels

    for _ in range(50):
        arch = space.random_architecture(rng)
        kernels = structured_kernels(arch)
        graph = space.to_resource_graph(arch, pruned_weights=kernels)
        if model_size(graph, sparse=True) != model_size(graph, sparse=False):
            break
    else:
        pytest.fail("no random network with differently pruned Add inputs")

    class Trainer:
        def train_and_eval(self, model, sparsity=None, **kwargs):
            return TrainingResult(ok=True, val_error=0.1, test_error=0.1,
                                  pruned_weights=kernels, epochs_run=1)

    pruning = PruningConfig(structured=True, min_sparsity=0.3, max_sparsity=0.5)
    training = TrainingConfig(dataset=Digits(), optimizer=lambda: None, epochs=1, pruning=pruning)
    bounds = BoundConfig(**BOUNDS)
    searches = {
        "bo": BayesOpt("bo", BayesOptConfig(search_space=space, checkpoint_dir=str(tmp_path)),
                       training, bounds, use_ray=False),
        "aging": AgingEvoSearch("ae", AgingEvoConfig(search_space=space,
                                                     checkpoint_dir=str(tmp_path)),
                                training, bounds, use_ray=False)}
    sizes = {}
    for name, search in searches.items():
        evaluator = search._evaluator_factory(threads=None)(
            keep_weights=False, trainer_factory=lambda config, seed: Trainer())
        scored, _ = evaluator.evaluate(Point(id=0, arch=arch, sparsity=0.4))
        assert scored.ok, scored.error
        sizes[name] = scored.resource_features["model_size"]
    assert sizes == {"bo": model_size(graph, sparse=True), "aging": model_size(graph, sparse=False)}
