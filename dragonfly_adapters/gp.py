"""The GP of μNAS's Bayesian optimisation: dragonfly's Cartesian-product GP over (network[, sparsity]).

``ErrorModel`` holds the evaluated points (as dragonfly domain points) and their values, keeps the
OTMANN distances between them (each pair computed once, as dragonfly's CPGPBandit does), and hands
out the GP to use for an ask. Its state is a pure function of the data and the seed, so a resumed
search that tells it the same points in the same order gets the same GP:

- hyperparameters are fitted on the first ``n_fit`` points, ``n_fit = refit_every * (n //
  refit_every)`` (all ``n`` points while ``n < refit_every``), with numpy's global RNG seeded from
  (seed, n_fit); points after ``n_fit`` are added to the fitted GP without refitting (dragonfly's
  own loop refits every ``build_new_model_every`` = 17 steps; its ask/tell path never does);
- with ``ml-post_sampling`` (dragonfly's default criterion) each ask picks 'ml' or a posterior
  sample of the hyperparameters with dragonfly's probabilities (0.3/0.7), drawn from the ask's
  seeded RNG; posterior samples are used in turn, one per added point.

``thompson_sampler`` draws one posterior sample per candidate with the points in flight
hallucinated (dragonfly's ``halluc``): ``fast=False`` is dragonfly's own computation (its distances
posed as dragonfly poses them, one transport problem per pair), ``fast=True`` computes the same
numbers with the in-flight part once per ask and one distance row per candidate, by the label-group
decomposition of the transport problems (``decomposed.py``; equal to rounding).

Multi-fidelity (μNAS's ``multifidelity=True``, dragonfly's BOCA): with ``fidelity=(min_epochs,
max_epochs)`` each point also records the epochs it was trained for, the GP is dragonfly's
Cartesian-product multi-fidelity GP over (epochs) x (network[, sparsity]), the acquisition samples
it at the full number of epochs, and ``Boca.choose`` picks the epochs to train a chosen candidate
for (dragonfly's ``gpb_acquisitions.boca``).
"""
from __future__ import annotations

import contextlib
import warnings
from argparse import Namespace
from typing import Callable, List, Optional, Sequence, Tuple

import numpy as np

from dragonfly_adapters.kernel import distance_computer
from dragonfly_adapters.numpy_compat import import_dragonfly_module, numpy_patched

HP_CRITERIA = ("ml", "post_sampling", "ml-post_sampling")


@contextlib.contextmanager
def seeded_numpy(seed: int):
    """numpy's global RNG seeded with ``seed`` inside the block, restored after it (dragonfly
    draws from the global RNG)."""
    saved = np.random.get_state()
    np.random.seed(seed % (2 ** 32))
    try:
        yield
    finally:
        np.random.set_state(saved)


def _dragonfly():
    m = Namespace()
    m.domains = import_dragonfly_module("dragonfly.exd.domains")
    m.nn_domains = import_dragonfly_module("dragonfly.nn.nn_domains")
    m.gp_bandit = import_dragonfly_module("dragonfly.opt.gp_bandit")
    m.cpgp = import_dragonfly_module("dragonfly.gp.cartesian_product_gp")
    m.gp_core = import_dragonfly_module("dragonfly.gp.gp_core")
    m.option_handler = import_dragonfly_module("dragonfly.utils.option_handler")
    m.general_utils = import_dragonfly_module("dragonfly.utils.general_utils")
    m.linalg = import_dragonfly_module("dragonfly.utils.general_utils")
    return m


def gp_options(criterion: str, multifidelity: bool = False):
    """dragonfly's CP GP-bandit options (its multi-fidelity ones with ``multifidelity``) as its
    GPBandit passes them to the GP fitter."""
    if criterion not in HP_CRITERIA:
        raise ValueError(f"GP hyperparameter criterion must be one of {HP_CRITERIA}")
    df = _dragonfly()
    args = (df.gp_bandit.get_all_mf_cp_gp_bandit_args() if multifidelity
            else df.gp_bandit.get_all_cp_gp_bandit_args())
    options = df.option_handler.load_options(args)
    options.gpb_hp_tune_criterion = criterion
    options.hp_tune_criterion = criterion
    options.hp_tune_probs = options.gpb_hp_tune_probs if "-" in criterion else "uniform"
    options.ml_hp_tune_opt = options.gpb_ml_hp_tune_opt
    options.post_hp_tune_method = options.gpb_post_hp_tune_method
    options.post_hp_tune_burn = options.gpb_post_hp_tune_burn
    options.post_hp_tune_offset = options.gpb_post_hp_tune_offset
    gpf = Namespace(**vars(options))
    gpf.mean_func = gpf.gpb_prior_mean
    return gpf


def cp_domain(sparsity_bounds: Optional[Tuple[float, float]]):
    """(network) or (network, sparsity) as a dragonfly Cartesian-product domain."""
    df = _dragonfly()
    doms = [df.nn_domains.NNDomain("unas-net", constraint_checker=lambda x: True)]
    if sparsity_bounds is not None:
        doms.append(df.domains.EuclideanDomain([list(sparsity_bounds)]))
    return df.domains.CartesianProductDomain(doms)


class ErrorModel:
    """Evaluated points, their distances and the GP of their values (see the module docstring)."""

    def __init__(self, *, sparsity_bounds=None, criterion: str = "ml-post_sampling",
                 refit_every: int = 17, seed: int = 0, used_groups: int = 4,
                 fidelity: Optional[Tuple[int, int]] = None):
        with numpy_patched():
            self.options = gp_options(criterion, multifidelity=fidelity is not None)
            self.domain = cp_domain(sparsity_bounds)
            self.fidel_space = None if fidelity is None else fidel_space(fidelity)
        self.fidelity = fidelity
        self.Z: List[list] = []  # fidelity points ([[epochs]]), multi-fidelity only
        self.has_sparsity = sparsity_bounds is not None
        self.refit_every = refit_every
        self.seed = seed
        self.distance = distance_computer(used_groups)
        self.X: List[list] = []
        self.Y: List[float] = []
        self.dists: Optional[List[np.ndarray]] = None
        self.fitter = None
        self.fit_size = 0

    # --- data ----------------------------------------------------------------------------------
    def point(self, candidate, sparsity=None) -> list:
        """A dragonfly domain point of a candidate network (and its sparsity)."""
        return [candidate, np.array([sparsity], dtype=float)] if self.has_sparsity else [candidate]

    @property
    def multifidelity(self) -> bool:
        return self.fidelity is not None

    def fidel(self, epochs: Optional[int]) -> list:
        """A fidelity point; ``None`` epochs: the full number (the fidelity to optimise)."""
        return [[int(self.fidelity[1] if epochs is None else epochs)]]

    @property
    def fidel_to_opt(self) -> list:
        return self.fidel(None)

    def add(self, candidate, sparsity, value: float, epochs: Optional[int] = None) -> None:
        """Tell the model one more evaluated point (its value: minus the validation error;
        ``epochs``: what it was trained for, read only with multi-fidelity)."""
        x = self.point(candidate, sparsity)
        if self.multifidelity:
            self.Z.append(self.fidel(epochs))
        with numpy_patched():
            new_new = self.distance([candidate], [candidate])
            if self.dists is None:
                self.dists = [d.copy() for d in new_new]
            else:
                old_new = self.distance([p[0] for p in self.X], [candidate])
                self.dists = [np.block([[d, on], [on.T, nn]])
                              for d, on, nn in zip(self.dists, old_new, new_new)]
        self.X.append(x)
        self.Y.append(float(value))

    def __len__(self):
        return len(self.Y)

    def fit_size_for(self, n: int) -> int:
        return n if n < self.refit_every else self.refit_every * (n // self.refit_every)

    def _lists_of_dists(self, n: int):
        lists = [None] * self.domain.num_domains
        lists[0] = [d[:n, :n] for d in self.dists]
        return lists

    def _fit(self, n_fit: int) -> None:
        df = _dragonfly()
        computers = [self.distance] + [None] * (self.domain.num_domains - 1)
        with seeded_numpy(self.seed * 1_000_003 + n_fit), warnings.catch_warnings():
            # dragonfly says once per fit that it uses PDOO as its Fortran DIRECT is absent.
            warnings.filterwarnings("ignore", message=".*fortran.*")
            common = dict(domain_kernel_ordering=[""] * self.domain.num_domains,
                          domain_lists_of_dists=self._lists_of_dists(n_fit),
                          domain_dist_computers=computers, options=self.options,
                          reporter="silent")
            if self.multifidelity:
                fitter = df.cpgp.CPMFGPFitter(
                    self.Z[:n_fit], self.X[:n_fit], self.Y[:n_fit], config=None,
                    fidel_space=self.fidel_space, domain=self.domain,
                    fidel_space_kernel_ordering=[""], **common)
            else:
                fitter = df.cpgp.CPGPFitter(self.X[:n_fit], self.Y[:n_fit], self.domain, **common)
            fitter.fit_gp_for_gp_bandit(self.refit_every)
        self.fitter, self.fit_size = fitter, n_fit

    def gp(self):
        """The GP for the next ask, on all points. Draws the criterion choice from numpy's global
        RNG (the caller seeds it per ask)."""
        n = len(self.Y)
        if n < 2:
            raise ValueError("the GP needs at least two evaluated points")
        with numpy_patched():
            n_fit = self.fit_size_for(n)
            if self.fitter is None or self.fit_size != n_fit:
                self._fit(n_fit)
            fitter = self.fitter
            method = np.random.choice(fitter.methods_to_use, p=fitter.hp_tune_probs)
            fit_type, result = fitter.hp_tune_results[method][:2]
            if fit_type in ("fitted_gp", "post_fitted_gp"):
                gp = result
            else:
                cts, dscr, other = result[(n - n_fit) % len(result)]
                gp = fitter.build_gp(cts, dscr, other_gp_params=other, build_posterior=False)
            if self.multifidelity:
                gp.set_mf_data(self.Z, self.X, self.Y, build_posterior=False)
            else:
                gp.set_data(self.X, self.Y, build_posterior=False)
            gp.set_domain_lists_of_dists(self._lists_of_dists(n))
            gp.build_posterior()
        gp.unas_method = method
        return gp


def fidel_space(fidelity: Tuple[int, int]):
    """The epochs a candidate can be trained for, as dragonfly's fidelity space (μNAS's)."""
    df = _dragonfly()
    return df.domains.CartesianProductDomain([df.domains.IntegralDomain([list(fidelity)])])


class Boca:
    """dragonfly's BOCA choice of the epochs to train a chosen candidate for, with its settings
    (threshold coefficient 0.01 adapted by x/÷ 1.1 towards 25-50 % of the latest 20 results at
    the full number of epochs; no low fidelity costing more than 90 % of the full one).

    The cost of a fidelity is ``epochs / max_epochs`` (μNAS's). dragonfly adapts the coefficient
    once per ask from the results recorded so far; here it is recomputed from the history, once
    per result recorded after the starting points, so that a resumed search gets the same value.
    """

    def __init__(self, model: "ErrorModel"):
        ec = import_dragonfly_module("dragonfly.exd.experiment_caller")
        self.acq = import_dragonfly_module("dragonfly.opt.gpb_acquisitions")
        self.options = model.options
        high = model.fidelity[1]
        n = model.domain.num_domains
        names = [f"d{i}" for i in range(n)]
        self.caller = ec.CPFunctionCaller(
            None, model.domain,
            domain_orderings=Namespace(dim_ordering=[""] * n, index_ordering=list(range(n)),
                                       kernel_ordering=[""] * n, name_ordering=names,
                                       raw_name_ordering=names),
            fidel_space=model.fidel_space, fidel_cost_func=lambda z: float(z[0][0]) / high,
            fidel_to_opt=model.fidel_to_opt,
            fidel_space_orderings=Namespace(dim_ordering=[[""]], index_ordering=[[0]],
                                            kernel_ordering=[""], name_ordering=[["epochs"]],
                                            raw_name_ordering=["epochs"]))

    def threshold_coefficient(self, at_full: Sequence[bool], starting_points: int) -> float:
        """The coefficient after the results ``at_full`` (True: trained for the full epochs),
        in the order they were recorded."""
        o = self.options
        coeff = o.boca_thresh_coeff_init
        window = o.boca_thresh_window_length
        for n in range(starting_points + 1, len(at_full) + 1):
            frac = sum(at_full[:n][-window:]) / float(window)
            if frac <= o.target_fidel_to_opt_query_frac_min:
                coeff *= o.boca_thresh_multiplier
            elif frac >= o.target_fidel_to_opt_query_frac_max:
                coeff /= o.boca_thresh_multiplier
        return coeff

    def choose(self, gp, select, *, coeff: float, y_range: float):
        """``(epochs, domain point)``: ``select(fidel_to_opt_gp)`` picks the domain point (the
        acquisition maximised on the GP at the full epochs), then BOCA the epochs."""
        anc = Namespace(curr_acq="custom_mobo_ts", boca_thresh_coeff=coeff, y_range=y_range,
                        boca_max_low_fidel_cost_ratio=self.options.boca_max_low_fidel_cost_ratio)
        fidel, point = self.acq.boca(lambda g, _anc: select(g), gp, anc, self.caller)
        return int(np.asarray(fidel[0]).ravel()[0]), point


def kernel_hyperparameters(gp) -> dict:
    """The GP's hyperparameters as plain data (for tests and logs)."""
    out = {"noise_var": float(gp.noise_var), "scale": float(gp.kernel.hyperparams["scale"])}
    for i, k in enumerate(gp.kernel.kernel_list):
        for name, value in k.hyperparams.items():
            if name in ("groups",):
                continue
            out[f"k{i}.{name}"] = np.asarray(value, dtype=float).tolist()
    return out


def thompson_sampler(gp, in_flight: Sequence, distance, *, fast: bool = True,
                     fidel_to_opt=None) -> Callable[[list], float]:
    """A function drawing one posterior sample of the GP at a domain point, with ``in_flight``
    hallucinated. Both paths consume numpy's global RNG identically (one normal per call).

    Multi-fidelity (``fidel_to_opt`` given): ``gp`` is the multi-fidelity GP, the sample is taken
    at (``fidel_to_opt``, point) and ``in_flight`` holds (fidelity, point) pairs."""
    gen = import_dragonfly_module("dragonfly.utils.general_utils")
    in_flight = list(in_flight)
    if not fast:  # dragonfly's sampling, on dragonfly's own transport problems
        from dragonfly_adapters.kernel import undecomposed
        if fidel_to_opt is not None:
            acq = import_dragonfly_module("dragonfly.opt.gpb_acquisitions")
            gp = acq._get_fidel_to_opt_gp(gp, fidel_to_opt)  # noqa: SLF001 - dragonfly's BOCA GP

        def draw(x):
            with undecomposed(distance):
                if in_flight:
                    return float(gp.draw_samples_with_hallucinated_observations(
                        1, [x], in_flight).ravel()[0])
                return float(gp.draw_samples(1, [x]).ravel()[0])
        return draw
    return _FastSampler(gp, in_flight, distance, gen, fidel_to_opt)


class _FastSampler:
    """dragonfly's ``draw_samples[_with_hallucinated_observations]`` for one point at a time,
    with everything that does not depend on the candidate computed once."""

    def __init__(self, gp, in_flight, distance, gen, fidel_to_opt=None):
        core = import_dragonfly_module("dragonfly.gp.gp_core")
        self.core, self.gen, self.gp, self.distance = core, gen, gp, distance
        self.fidel_to_opt = fidel_to_opt
        self.train = gp.X
        self.halluc = in_flight
        self.others = list(gp.X) + in_flight
        self.cache = {}
        self.batch = None
        self.skipped = 0
        if in_flight:
            with numpy_patched():
                K_haha = gp.kernel(in_flight, in_flight)
                K_trha = gp.kernel(gp.X, in_flight)
                aug = np.vstack((np.hstack((gp.K_trtr_wo_noise, K_trha)),
                                 np.hstack((K_trha.T, K_haha))))
                self.L = core._get_cholesky_decomp(aug, gp.noise_var, gp.handle_non_psd_kernels)
        else:
            self.L = gp.L

    def _dists(self, cand, others):
        """The network distances of a candidate to ``others`` (the training and in-flight
        networks), and to itself; kept per architecture for the ask (the GA meets the same
        architecture many times; each meeting still draws its own sample)."""
        key = getattr(cand, "key", None)
        hit = self.cache.get(key) if key is not None else None
        if hit is not None:
            return hit
        if self.fidel_to_opt is not None:  # (fidelity, domain point) pairs
            others = [o[1] for o in others]
        if getattr(self.distance, "decompose", False) and self.distance.fast_ot:
            if self.batch is None:  # the others, prepared once per ask
                self.batch = self.distance.prepare([o[0] for o in others])
            hit = (self.distance.rows(cand, self.batch), self.distance([cand], [cand]))
        else:
            hit = (self.distance([cand], [o[0] for o in others]), self.distance([cand], [cand]))
        if key is not None:
            self.cache[key] = hit
        return hit

    @staticmethod
    def _domain_kernel(kernel, x, others, nn_dists):
        """``kernel([x], others)`` (a Cartesian product kernel over (network[, sparsity])) from
        the network distances."""
        result = kernel.hyperparams["scale"] * np.ones((1, len(others)))
        for idx, kern in enumerate(kernel.kernel_list):
            if idx == 0:
                result *= kern.evaluate_from_dists(nn_dists)
            else:
                result *= kern([x[idx]], [o[idx] for o in others])
        return result

    def _kernel(self, x, others, nn_dists):
        """``gp.kernel([x], others)``; multi-fidelity: over (fidelity, domain point) pairs, as
        dragonfly's product of the fidelity and the domain kernels."""
        if self.fidel_to_opt is None:
            return self._domain_kernel(self.gp.kernel, x, others, nn_dists)
        z, point = x
        result = self.gp.kernel.hyperparams["scale"] * np.ones((1, len(others)))
        result *= self.gp.fidel_space_kernel([z], [o[0] for o in others])
        result *= self._domain_kernel(self.gp.domain_kernel, point, [o[1] for o in others],
                                      nn_dists)
        return result

    def skip(self, x) -> None:
        """What ``self(x)`` does to numpy's global RNG (one normal), without the sample; raises
        what ``self(x)`` raises for a network the distance cannot read."""
        if getattr(self.distance, "decompose", False) and hasattr(x[0], "features"):
            x[0].features
        self.skipped += 1
        np.random.normal(size=(1, 1))

    def __call__(self, x) -> float:
        gp = self.gp
        with numpy_patched():
            others = self.others
            row_dists, self_dists = self._dists(x[0], others)
            if self.fidel_to_opt is not None:
                x = (self.fidel_to_opt, x)
            K_row = self._kernel(x, others, row_dists)
            n = len(self.train)
            mean = gp.mean_func([x]) + K_row[:, :n].dot(gp.alpha)
            K_tete = self._kernel(x, [x], self_dists)
            V = self.core.solve_lower_triangular(self.L, K_row.T)
            covar = K_tete - V.T.dot(V)
            covar = self.core.get_post_covar_from_raw_covar(covar, gp.noise_var,
                                                            gp.kernel.is_guaranteed_psd())
            return float(self.gen.draw_gaussian_samples(1, mean, covar).ravel()[0])
