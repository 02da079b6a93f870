"""Bounds on the deployment target's figures (BoundConfig.target_*): recorded for every point,
compared by in_bounds and the fitness, screened before training, shown by the processor.

These run the search's wiring with the fake space and evaluator (figures from
``fake_target_figures``); the predictions themselves are tested in test_tflite_predict.py and
test_tflm_latency.py, and a real Digits search bounded on them in test_mcu_search.py.
"""
import json

import pytest

import search_state_processor as ssp
from config import BoundConfig, TargetConfig
from search_algorithms.evolution import AgingEvolution
from search_algorithms.points import Point, active_objectives, in_bounds, mo_fitness
from search_algorithms.screening import Screen, screening_totals
from search_algorithms.testing import (FakeArchitecture, FakeEvaluator, FakeSearchSpace,
                                       fake_scores, fake_target_figures)
from test_search_state import load, make_search

TARGET = TargetConfig(stack_bytes=2_000, runtime_flash_bytes=10_000, clock_mhz=80.0).as_dict()
BOUNDS = dict(error_bound=0.12, target_ram_bound=6_000, target_flash_bound=20_000)


def arch(w, d):
    return FakeArchitecture({"width": w, "depth": d})


def scored(i, w, d, target=TARGET):
    p = Point(i, arch(w, d))
    return p.completed(**fake_scores(p.arch), target_features=fake_target_figures(p.arch, target))


def test_target_objectives_follow_mu_nas_four_and_bound_in_bounds():
    bounds = BoundConfig(error_bound=0.5, mac_bound=10**9, target_ram_bound=6_000,
                         target_latency_ms_bound=1.0, target=TargetConfig(clock_mhz=80.0)).as_dict()
    assert active_objectives(bounds) == ["val_error", "macs", "ram_bytes", "latency_ms"]
    small, wide = scored(0, 4, 3), scored(1, 60, 3)   # RAM 96 w + 1,064 + 2,000 stack
    assert small.objective("ram_bytes") == 96 * 4 + 1_064 + 2_000
    assert in_bounds(small, bounds) and not in_bounds(wide, bounds)
    # a point without target figures (an older state) is never within a target bound
    bare = Point(2, arch(4, 3)).completed(**fake_scores(arch(4, 3)))
    assert bare.target_features is None and not in_bounds(bare, bounds)
    assert in_bounds(bare, {**bounds, "target_ram_bound": None, "target_latency_ms_bound": None})


def test_points_keep_their_target_figures_through_json():
    p = scored(3, 10, 2)
    back = Point.from_dict(json.loads(json.dumps(p.to_dict())), FakeArchitecture.from_dict)
    assert back.target_features == p.target_features
    assert isinstance(back.target_features["latency_ms"], float)
    assert back.failed("x").target_features is None


def test_fitness_weighs_a_target_objective_like_mu_nas_own():
    bounds = BoundConfig(**BOUNDS, target=TargetConfig(**TARGET)).as_dict()
    cheap, dear = scored(0, 8, 3), scored(1, 40, 3)
    weights = {"val_error": 1.0, "ram_bytes": 1e-3, "flash_bytes": 1.0}
    # a tiny weight on RAM makes RAM decide: the smaller arena wins
    assert mo_fitness(cheap, bounds, weights) > mo_fitness(dear, bounds, weights)
    assert mo_fitness(cheap, bounds, weights) == pytest.approx(
        -cheap.objective("ram_bytes") / bounds["target_ram_bound"] / 1e-3)


def test_a_search_records_target_figures_and_the_processor_shows_them(tmp_path):
    s = make_search(tmp_path, rounds=30, evaluator=FakeEvaluator(target=TARGET), bounds=BOUNDS)
    s.bound_config = BoundConfig(**BOUNDS, target=TargetConfig(**TARGET))
    history = s.search()
    assert all(p.target_features == fake_target_figures(p.arch, TARGET) for p in history)
    state = load(s.state_path)
    assert state["bounds"]["target_ram_bound"] == 6_000
    assert state["config"]["target"] == TARGET
    loaded = ssp.load_search_state(s.state_path)
    assert loaded.objectives == ["val_error", "ram_bytes", "flash_bytes"]
    assert loaded.target_columns == ["ram_bytes", "flash_bytes", "instructions", "latency_ms"]
    good = [p.id for p in loaded.in_bounds_points]
    assert good == [p.id for p in history if p.val_error <= 0.12
                    and p.target_features["ram_bytes"] <= 6_000
                    and p.target_features["flash_bytes"] <= 20_000]
    text = ssp.report(loaded)
    assert "target_ram_bound 6,000" in text and "RAM B" in text and "instr." in text
    assert "cortex-m4 with cmsis-nn kernels; RAM = smallest arena + 2,000 B stack" in text
    assert good, "the fake trade-off has points within these bounds"
    row = next(line for line in text.splitlines() if line.split()[:1] == [str(good[0])])
    p = next(q for q in history if q.id == good[0])
    assert f"{p.target_features['ram_bytes']:,}" in row and row.endswith("yes")
    plots = ssp.plot_search(loaded, tmp_path / "plots")
    assert {f.name for f in plots} >= {"pareto_ram_bytes.png", "pareto_flash_bytes.png",
                                       "pareto_instructions.png", "pareto_macs.png"}


def test_screening_on_a_target_bound_never_trains_a_draw_far_over_it(tmp_path):
    trained = tmp_path / "trained.jsonl"
    bounds = dict(error_bound=0.12, target_ram_bound=3_500)
    s = make_search(tmp_path, rounds=30, evaluator=FakeEvaluator(record_to=str(trained),
                                                                 target=TARGET), bounds=bounds)
    s.bound_config = BoundConfig(**bounds, target=TargetConfig(**TARGET))
    s.config.screen_factor = 1.2
    history = s.search()
    limit = 1.2 * 3_500
    assert all(p.target_features["ram_bytes"] <= limit for p in history
               if not (p.screened or {}).get("limit"))
    totals = screening_totals(history)
    assert totals.get("ram_bytes", 0) >= 1 and set(totals) <= {"total", "limit", "ram_bytes"}
    evaluated = [json.loads(line)["id"] for line in trained.read_text().splitlines()]
    assert sorted(evaluated) == [p.id for p in history]


def test_screen_reads_the_target_figures_of_the_space():
    space = FakeSearchSpace()
    bounds = BoundConfig(target_flash_bound=8_000, target=TargetConfig(**TARGET)).as_dict()
    screen = Screen(space, bounds, factor=2.0, target=TARGET)
    over = screen.excess(arch(64, 8), None)            # flash 48*512 + 2,000 + 10,000
    assert set(over) == {"flash_bytes"}
    assert over["flash_bytes"] == pytest.approx((48 * 512 + 12_000) / 16_000)
    assert screen.excess(arch(1, 1), None) == {}
    # with pruning the unpruned figures say nothing: target bounds are not screened
    assert Screen(space, bounds, factor=2.0, pruning=object(), target=TARGET).limits == {}
