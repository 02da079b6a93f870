"""The search-cost options of issue 21 as a specification: off, the faithful default proposes
exactly what it proposed before; screening never trains a screened candidate; successive halving
promotes by ASHA's rule, continues from the weights of the rung below, and survives a SIGKILL
between rungs; bad option values are ConfigErrors naming the field. Fake evaluator, no TF/Ray.
"""
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

import golden_proposals
from conftest import CHILD, DEADLINE
from config import AgingEvoConfig, BayesOptConfig, BoundConfig, ConfigError, TrainingConfig
from search_algorithms.aging_evolution import AgingEvoSearch
from search_algorithms.evolution import AgingEvolution
from search_algorithms.testing import FakeEvaluator, FakeSearchSpace, fake_scores
from search_algorithms.halving import Halving
from search_algorithms.points import Point
from search_algorithms.screening import Screen, screening_totals
from search_algorithms.state import STATE_VERSION, StateStore, read_state, state_path
from test_search_state import FakeData, load, make_search

ROOT = Path(__file__).resolve().parents[1]
BOUNDS = golden_proposals.FAKE_BOUNDS


def halving_search(tmp_path, rounds=20, name="h", epochs=4, evaluator=None,
                   halving_min_epochs=1, halving_eta=2):
    """A fake search with successive halving: rungs of 1, 2 and 4 epochs by default."""
    training = TrainingConfig(dataset=FakeData(), optimizer=lambda: None, epochs=epochs)
    search = AgingEvoConfig(search_space=FakeSearchSpace(), population_size=6, sample_size=3,
                            rounds=rounds, checkpoint_dir=str(tmp_path), halving_eta=halving_eta,
                            halving_min_epochs=halving_min_epochs)
    evaluator = evaluator or FakeEvaluator()
    return AgingEvoSearch(name, search, training, BoundConfig(**BOUNDS), use_ray=False,
                          evaluator_factory=lambda: evaluator)


# --- options off: the faithful default ---------------------------------------------------------
@pytest.mark.parametrize("case", ["fake", "cnn", "cnn_pruned"])
def test_options_off_propose_exactly_what_the_code_before_them_proposed(case):
    with open(golden_proposals.GOLDEN) as f:
        golden = json.load(f)[case]
    assert golden_proposals.proposals(*golden_proposals.cases()[case]) == golden


def test_options_off_points_carry_no_option_fields(tmp_path):
    history = make_search(tmp_path, rounds=12).search()
    assert all(p.screened is None and p.rung is None and p.continues is None for p in history)


# --- screening -----------------------------------------------------------------------------------
def figures(point):
    return fake_scores(point.arch, point.sparsity)["resource_features"]


def over(point, factor, bounds=BOUNDS):
    limits = {"peak_memory_usage": bounds["peak_mem_bound"],
              "model_size": bounds["model_size_bound"], "macs": bounds["mac_bound"]}
    return {k for k, v in figures(point).items() if v > factor * limits[k]}


def test_a_screened_candidate_is_never_trained(tmp_path):
    trained = tmp_path / "trained.jsonl"
    s = make_search(tmp_path, rounds=40, evaluator=FakeEvaluator(record_to=str(trained)))
    s.config.screen_factor = 1.5
    s.config.population_size = 3
    history = s.search()
    evaluated = [json.loads(line)["id"] for line in trained.read_text().splitlines()]
    assert sorted(evaluated) == [p.id for p in history]
    assert all(not over(p, 1.5) for p in history if not (p.screened or {}).get("limit"))
    totals = screening_totals(history)
    assert totals["total"] >= 1
    # the state records how many were screened and why, per bound
    state_points = load(s.state_path)["points"]
    assert screening_totals(type("P", (), {"screened": p["screened"]}) for p in state_points) \
        == totals
    assert set(totals) - {"total", "limit"} <= {"peak_memory_usage", "model_size", "macs"}


def test_screening_redraws_random_candidates_and_remorphs_children_of_the_same_parent():
    space = FakeSearchSpace()
    tight = dict(BOUNDS, mac_bound=20_000)
    o = AgingEvolution(space, bounds=tight, rounds=60, population_size=10, sample_size=3,
                       seed=3, screen=Screen(space, tight, factor=1.2))
    running = []
    for _ in range(60):
        p = o.suggest()
        assert not over(p, 1.2, tight) and not p.screened.get("limit")
        running.append(p)
        o.on_result(p.completed(**fake_scores(p.arch, p.sparsity)))
    children = [p for p in running if p.parent_id is not None]
    assert children and any(p.screened for p in children)
    by_id = {p.id: p for p in running}
    for c in children:  # one morph of its parent: width or depth moved by 1 or 4
        a, b = c.arch.architecture, by_id[c.parent_id].arch.architecture
        diffs = [abs(a[k] - b[k]) for k in a if a[k] != b[k]]
        assert len(diffs) == 1 and diffs[0] in (1, 4)


def test_after_the_draw_limit_the_least_over_draw_is_proposed():
    space = FakeSearchSpace()
    impossible = dict(BOUNDS, mac_bound=1)  # every fake architecture is far over
    screen = Screen(space, impossible, factor=2.0, max_draws=7)
    o = AgingEvolution(space, bounds=impossible, rounds=5, population_size=3, sample_size=2,
                       seed=0, screen=screen)
    p = o.suggest()
    assert p.screened["limit"] == 1 and p.screened["total"] == 6 and p.screened["macs"] == 6


# --- successive halving: the promotion rule -------------------------------------------------------
def test_promotion_follows_the_rule_on_scripted_errors():
    """eta = 2, rungs of 1 and 2 epochs, one worker: the errors at rung 0 are scripted."""
    script = {0: 0.5, 1: 0.4, 3: 0.45, 4: 0.1}
    o = AgingEvolution(FakeSearchSpace(), bounds=BOUNDS, rounds=6, population_size=5,
                       sample_size=2, seed=0, halving=Halving([1, 2], eta=2))
    proposed = []
    while not o.is_finished():
        p = o.suggest()
        proposed.append((p.id, p.rung, p.continues, p.epochs, p.start_epoch))
        error = script.get(p.id, 0.3)
        o.on_result(p.completed(val_error=error, test_error=error,
                                resource_features=figures(p)))
    assert proposed == [(0, 0, None, 1, None),
                        (1, 0, None, 1, None),   # 0.5: the best 1/2 of one is nobody
                        (2, 1, 1, 2, 1),         # 0.4 is the best 1 of 2: promoted
                        (3, 0, None, 1, None),   # best 1 of 2 (#1) already promoted
                        (4, 0, None, 1, None),   # 0.45: best 1 of 3 is still #1
                        (5, 1, 4, 2, 1)]         # 0.1: the best 2 of 4 are #4 and #1
    assert [p.id for p in o.population] == [2, 5]   # only the final rung


def test_a_promotion_of_a_crashing_candidate_goes_straight_to_a_worker_without_onednn():
    """A candidate whose training crashed its worker (retried with oneDNN's rewrites off) crashes
    an ordinary worker again at every rung: its promotions ask for a worker with the rewrites
    off from the start; the others do not."""
    o = AgingEvolution(FakeSearchSpace(), bounds=BOUNDS, rounds=6, population_size=5,
                       sample_size=2, seed=0, halving=Halving([1, 2], eta=2))
    crashed = {1}
    promotions = {}
    while not o.is_finished():
        p = o.suggest()
        if p.continues is not None:
            promotions[p.continues] = p.onednn_disabled
        p.onednn_disabled = p.onednn_disabled or p.id in crashed   # as the runner's retry sets it
        error = {0: 0.5, 1: 0.4, 3: 0.45, 4: 0.1}.get(p.id, 0.3)
        o.on_result(p.completed(val_error=error, test_error=error,
                                resource_features=figures(p)))
    assert promotions == {1: True, 4: False}


def asha_reference_ok(history_before, pending, promoted_source, eta):
    """ASHA's rule, written out: the source is in the best floor(n/eta) of its rung, not yet
    promoted, and no higher rung had a promotable candidate."""
    promoted = {p.continues for p in [*history_before, *pending] if p.continues is not None}

    def promotable(rung):
        seen = sorted((p for p in history_before if p.ok and p.rung == rung),
                      key=lambda p: (p.val_error, p.id))
        return [p for p in seen[:len(seen) // eta] if p.id not in promoted]

    if promoted_source is None:
        return all(not promotable(r) for r in range(2))   # rung 2 is the final one
    higher = range(promoted_source.rung + 1, 2)
    return (promoted_source in promotable(promoted_source.rung)
            and all(not promotable(r) for r in higher))


def test_promotions_with_several_workers_follow_asha_on_random_errors():
    rng = np.random.default_rng(5)
    errors = {}
    o = AgingEvolution(FakeSearchSpace(), bounds=BOUNDS, rounds=150, population_size=10,
                       sample_size=3, seed=1, halving=Halving([1, 3, 9], eta=3))
    running = []
    while not o.is_finished():
        while len(running) < 3:
            before = list(o.history)
            pending = list(o.pending.values())
            p = o.suggest()
            if p is None:
                break
            source = next((q for q in before if q.id == p.continues), None)
            assert asha_reference_ok(before, pending, source, 3)
            running.append(p)
        p = running.pop(int(rng.integers(len(running))))  # results arrive in any order
        root = p.id if p.continues is None else errors[p.continues][0]
        error = float(rng.random()) * 0.5 / (1 + p.rung)
        errors[p.id] = (root, error)
        o.on_result(p.completed(val_error=error, test_error=error,
                                resource_features=figures(p)))
    rungs = [sum(p.rung == r for p in o.history) for r in range(3)]
    assert rungs[0] > rungs[1] > rungs[2] > 0
    assert all(p.rung == 2 for p in o.population)


# --- successive halving: a whole search, killed between rungs ------------------------------------
SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    sys.path.insert(0, {test!r})
    from test_search_cost import halving_search
    from pathlib import Path
    from search_algorithms.testing import FakeEvaluator
    tmp = Path({tmp!r})
    s = halving_search(tmp, rounds=int(sys.argv[1]), name="h", epochs=4,
                    evaluator=FakeEvaluator(record_to=str(tmp / "trained.jsonl"),
                                            die_on_promotion=str(tmp / "killed")))
    s.search(load_from=sys.argv[2] if len(sys.argv) > 2 else None, save_every=100)
""")


def test_sigkill_between_rungs_then_resume_loses_nothing_and_trains_nothing_twice(tmp_path):
    script = tmp_path / "run.py"
    script.write_text(SCRIPT.format(root=str(ROOT), test=str(ROOT / "test"), tmp=str(tmp_path)))
    path = state_path(tmp_path, "h")
    run = [sys.executable, str(script), "30"]
    first = subprocess.run(run, capture_output=True, text=True, timeout=DEADLINE, **CHILD)
    assert first.returncode == -9, first.stderr        # killed by its first promotion
    killed = int((tmp_path / "killed").read_text())
    trained_before = [json.loads(x) for x in (tmp_path / "trained.jsonl").read_text().splitlines()]
    snapshot, events = read_state(path)
    recorded = [e["point"]["id"] for e in events if e["event"] == "result"]
    assert recorded == [t["id"] for t in trained_before]     # every training was recorded
    assert killed not in recorded

    second = subprocess.run([*run, str(path)], capture_output=True, text=True, timeout=DEADLINE,
                            **CHILD)
    assert second.returncode == 0, second.stderr
    trained = [json.loads(x) for x in (tmp_path / "trained.jsonl").read_text().splitlines()]
    points = load(path)["points"]
    assert [p["id"] for p in points][:len(recorded)] == recorded   # nothing lost
    assert len(points) == 30 and sorted(t["id"] for t in trained) == sorted(p["id"] for p in points)
    assert len({t["id"] for t in trained}) == len(trained)               # nothing trained twice
    continued = [t["continues"] for t in trained if t["continues"] is not None]
    assert len(set(continued)) == len(continued)                          # nor promoted twice
    by_id = {p["id"]: p for p in points}
    promotions = [t for t in trained if t["continues"] is not None]
    assert killed in [t["id"] for t in promotions]
    for t in promotions:   # each continued from the weights of its point at the rung below
        source = by_id[t["continues"]]
        assert t["init_weights"] == f"fake weights of candidate {source['id']}"
        assert t["start_epoch"] == source["epochs"] and by_id[t["id"]]["epochs_run"] \
            == t["epochs"] - t["start_epoch"]


def test_rung_weights_wait_for_their_promotion_and_go_after_it(tmp_path):
    s = halving_search(tmp_path, rounds=20, epochs=4)
    history = s.search()
    rung_dir = s.weights_dir / "rungs"
    kept = {int(f.name.split(".")[0]) for f in rung_dir.glob("*.weights.h5")}
    promoted = {p.continues for p in history if p.continues is not None and p.ok}
    below_final = {p.id for p in history if p.ok and p.rung is not None and p.rung < 2}
    assert promoted and kept == below_final - promoted


# --- bad values ----------------------------------------------------------------------------------
@pytest.mark.parametrize("config, kw, field", [
    (AgingEvoConfig, dict(screen_factor=1.0), "AgingEvoConfig.screen_factor"),
    (AgingEvoConfig, dict(screen_factor=0.5), "AgingEvoConfig.screen_factor"),
    (BayesOptConfig, dict(screen_factor=1), "BayesOptConfig.screen_factor"),
    (AgingEvoConfig, dict(screen_factor=2.0, screen_max_draws=0),
     "AgingEvoConfig.screen_max_draws"),
    (AgingEvoConfig, dict(halving_eta=1, halving_min_epochs=1), "AgingEvoConfig.halving_eta"),
    (AgingEvoConfig, dict(halving_eta=3), "AgingEvoConfig.halving_min_epochs"),
    (AgingEvoConfig, dict(halving_eta=3, halving_min_epochs=0),
     "AgingEvoConfig.halving_min_epochs"),
])
def test_bad_option_values_are_config_errors_naming_the_field(config, kw, field):
    with pytest.raises(ConfigError, match=f"^{field}: "):
        config(search_space=FakeSearchSpace(), **kw)


@pytest.mark.parametrize("min_epochs", [4, 5])
def test_a_first_rung_not_below_the_epochs_is_a_config_error(tmp_path, min_epochs):
    with pytest.raises(ConfigError, match="^AgingEvoConfig.halving_min_epochs: must be < the "
                                          "training epochs \\(4\\)"):
        halving_search(tmp_path, epochs=4, halving_min_epochs=min_epochs)


def test_the_driver_reports_a_bad_rung_in_one_line_with_exit_code_2(tmp_path):
    config = tmp_path / "c.py"
    config.write_text(textwrap.dedent(f"""
        import dataclasses, runpy
        base = runpy.run_path({str(ROOT / 'configs' / 'cnn_digits_aging.py')!r})
        search_algorithm = base["search_algorithm"]
        training_config, bound_config = base["training_config"], base["bound_config"]
        search_config = dataclasses.replace(base["search_config"], halving_eta=3,
                                            halving_min_epochs=20)
    """))
    r = subprocess.run([sys.executable, str(ROOT / "driver.py"), str(config), "--checkpoint-dir",
                        str(tmp_path / "ck")], capture_output=True, text=True, timeout=DEADLINE,
                       **CHILD)
    assert r.returncode == 2, r.stderr
    last = r.stderr.strip().splitlines()[-1]
    assert "halving_min_epochs: must be < the training epochs (15)" in last


def test_the_display_shows_what_was_screened_and_the_rungs(caplog):
    import logging
    from search_algorithms.display import LogDisplay
    from search_algorithms.testing import FakeArchitecture
    d = LogDisplay(BOUNDS)
    d.start(10, [])
    arch = FakeArchitecture({"width": 2, "depth": 3})
    p = Point(id=4, arch=arch, screened={"total": 3, "macs": 3, "model_size": 1}, rung=0,
              epochs=1)
    q = Point(id=7, arch=arch, rung=1, epochs=2, continues=4, start_epoch=1)
    with caplog.at_level(logging.INFO, logger="uNAS.search"):
        d.result(p.completed(**fake_scores(arch)), (0, 1))
        d.result(q.completed(**fake_scores(arch)), (0, 2))
    assert "#4 (random, 1 epochs, rung 0, 3 screened)" in caplog.text
    assert "#7 (random, 2 epochs, rung 1, continues #4)" in caplog.text
    assert "screened 3 (size 1, MACs 3)" in d.summary()


def test_bayesian_optimisation_screens_its_random_starting_points():
    from search_algorithms.bayesopt import BayesOptimisation
    space = FakeSearchSpace()
    tight = dict(BOUNDS, mac_bound=20_000)
    o = BayesOptimisation(space, bounds=tight, rounds=30, starting_points=12, seed=2,
                          screen=Screen(space, tight, factor=1.2))
    starting = [o.suggest() for _ in range(12)]
    assert all(not over(p, 1.2, tight) for p in starting)
    assert screening_totals(starting)["total"] > 0


FAKE_ARCH = {"search_space": "fake", "architecture": {"width": 2, "depth": 3}}
INSIDE = {"peak_memory_usage": 10, "model_size": 10, "macs": 10}   # within BOUNDS' resources


def quality_bench():
    """benchmarks/bench_search_quality.py as a module (benchmarks/ is no package)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        "bench_search_quality", ROOT / "benchmarks" / "bench_search_quality.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_the_anytime_curve_is_the_best_in_bounds_test_error_finished_by_each_minute():
    bench, arch, inside = quality_bench(), FAKE_ARCH, INSIDE

    def point(i, minute, val, test, features=inside, status="ok"):
        return {"id": i, "arch": arch, "status": status, "val_error": val, "test_error": test,
                "resource_features": features, "finished_at": 1000.0 + 60 * minute}
    run = {"start": 1000.0, "bounds": BOUNDS, "points": [
        point(0, 0.5, 0.5, 0.5),                                   # over the error bound
        point(1, 1.5, 0.08, 0.09),
        point(2, 1.7, 0.01, 0.01, dict(inside, macs=10 ** 6)),     # over the MACs bound
        point(3, 2.2, 0.09, 0.07),
        point(4, 2.5, None, None, None, status="failed"),
    ]}
    curve = bench.anytime(run, 3, reference=3)
    assert curve["test"] == [None, 0.09, 0.07]
    assert curve["val"] == [None, 0.08, 0.08]
    assert curve["steps"] == [(1.5, 0.09), (2.2, 0.07)]
    assert (curve["trained"], curve["in_bounds"], curve["failed"]) == (5, 2, 1)
    # the default's first 3 candidates: best in-bounds val 0.08, the third finished at 1.7 min
    assert (curve["ref_val"], curve["ref_minutes"]) == (0.08, 1.7)
    assert bench.time_to_reach(curve, 0.08) == 1.5 and bench.time_to_reach(curve, 0.085) == 1.5
    assert bench.time_to_reach(curve, 0.05) is None

    # with successive halving only fully trained points are found; all count as trained
    def rung(i, minute, val, test, epochs, r):
        return dict(point(i, minute, val, test), epochs=epochs, rung=r)
    halving = {"start": 1000.0, "bounds": BOUNDS, "points": [
        rung(0, 0.5, 0.05, 0.05, 1, 0),                            # in bounds after 1 epoch
        rung(1, 1.5, 0.07, 0.06, 9, 2),
    ]}
    curve = bench.anytime(halving, 2, epochs=9)
    assert curve["test"] == [None, 0.06] and (curve["trained"], curve["full"]) == (2, 1)


def test_kept_runs_come_together_from_several_directories(tmp_path, capsys):
    """--from-runs reads each run from the first directory holding it (seeds recorded one at a
    time, the default from its own config's runs) and leaves out, with a line, one held by none."""
    bench, arch, inside = quality_bench(), FAKE_ARCH, INSIDE

    def keep(directory, name, test_errors):
        directory.mkdir(exist_ok=True)
        (directory / f"{name}.py").write_text("# a variant config\n")
        (directory / f"{name}.start").write_text("1000.0")
        points = [{"id": i, "arch": arch, "status": "ok", "val_error": e, "test_error": e,
                   "resource_features": inside, "finished_at": 1000.0 + 60 * (i + 0.5)}
                  for i, e in enumerate(test_errors)]
        header = {"version": STATE_VERSION, "algorithm": AgingEvoSearch.algorithm,
                  "bounds": BOUNDS}
        StateStore(state_path(directory, name), header).snapshot({"points": points})

    options, default = tmp_path / "options", tmp_path / "default"
    keep(options, "all_s1", [0.09, 0.05])
    keep(options, "all_s2", [0.08, 0.06])
    keep(default, "default_s1", [0.2, 0.095])
    keep(options, "default_s1", [0.01])       # the first directory holding a run wins
    bench.main([str(ROOT / "configs" / "cnn_digits_aging.py"), "--minutes", "2", "--seeds", "2",
                "--variants", "default,all", "--from-runs", f"{default},{options}"])
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert any("default_s2: in none of" in line and "left out" in line for line in lines)
    table = out.split("[test]")[1].split("[val]")[0]
    rows = {tuple(line.split()[:2]): line.split()[2:] for line in table.strip().splitlines()[1:]}
    assert rows[("default", "1")] == ["-", "0.0950"]
    assert ("default", "2") not in rows
    assert rows[("all", "1")] == ["0.0900", "0.0500"] and rows[("all", "2")] == ["0.0800", "0.0600"]
    assert rows[("all", "med")] == ["0.0850", "0.0550"]


def test_the_median_over_seeds_counts_a_seed_with_none_found_as_the_worst():
    median = quality_bench().median
    assert median([None, 0.11, 0.10]) == 0.11        # not the mean of the two that found one
    assert median([0.12, 0.11, 0.10]) == 0.11
    assert median([None, None, 0.10]) is None
    assert median([None, 0.10]) is None              # one of the middle two found none
    assert median([0.10, 0.20]) == pytest.approx(0.15)


def test_the_plot_names_every_seed_and_says_which_found_none(tmp_path):
    bench = quality_bench()
    none = {"steps": []}
    results = {"default": {1: none}, "all": {1: none, 2: {"steps": [(16.3, 0.11)]},
                                             3: {"steps": [(18.2, 0.10), (30.8, 0.095)]}}}
    labels = bench.plot(results, 60, str(tmp_path / "p.png"), "t")
    assert labels == ["default, seed 1: none in bounds", "all, seed 1: none in bounds",
                      "all, seed 2", "all, seed 3"]
    assert (tmp_path / "p.png").stat().st_size > 0


def test_the_median_time_fraction_counts_a_seed_that_never_reached_the_reference_as_the_worst(
        capsys):
    bench = quality_bench()
    default = {s: {"ref_minutes": 2.0, "ref_val": 0.05} for s in (1, 2, 3)}

    def fraction_line(reached_at):
        runs = {s: {"val_steps": [] if t is None else [(t, 0.04)]} for s, t in reached_at.items()}
        bench.print_reference({"default": default, "all": runs}, 80)
        return [line for line in capsys.readouterr().out.splitlines()
                if line.startswith("median fraction")]

    assert fraction_line({1: 1.0, 2: None, 3: None}) == [
        "median fraction all: never (1 of 3 seeds reached it)"]
    assert fraction_line({1: 1.0, 2: 0.5, 3: None}) == [
        "median fraction all: 0.50 (2 of 3 seeds reached it)"]
