"""Config dataclasses: seed defaults, and one clear error naming the field for each bad value."""
import re

import pytest

from config import (AgingEvoConfig, BayesOptConfig, BoundConfig, ConfigError, DistillationConfig,
                    PruningConfig, TargetConfig, TrainingConfig)


class FakeDataset:
    input_shape, num_classes = (8, 8, 1), 10
    train_dataset = validation_dataset = test_dataset = lambda self: None


class FakeSpace:
    schema = {}
    random_architecture = produce_morphs = lambda self, *a: None


def training(**kw):
    return TrainingConfig(dataset=FakeDataset(), optimizer=lambda: "sgd", **kw)


def test_seed_defaults():
    t = training()
    assert (t.batch_size, t.epochs, t.use_class_weight, t.pruning, t.distillation) == (128, 75, False, None, None)
    a = AgingEvoConfig(search_space=FakeSpace())
    assert (a.population_size, a.sample_size, a.rounds, a.initial_population_size) == (100, 25, 2000, 100)
    b = BayesOptConfig(search_space=FakeSpace())
    assert (b.starting_points, b.rounds, b.multifidelity) == (15, 800, False)
    p = PruningConfig()
    assert (p.structured, p.start_pruning_at_epoch, p.min_sparsity, p.max_sparsity) == (False, 0, 0.0, 0.995)
    d = DistillationConfig(distill_from="teacher.keras")
    assert (d.alpha, d.temperature) == (0.3, 1.0)
    assert BoundConfig(error_bound=0.1).as_dict() == {
        "error_bound": 0.1, "peak_mem_bound": None, "model_size_bound": None, "mac_bound": None,
        "target_ram_bound": None, "target_flash_bound": None, "target_instructions_bound": None,
        "target_latency_ms_bound": None}
    assert BoundConfig(error_bound=0.1).target == TargetConfig("cortex-m4", "cmsis-nn", 4_096, 0, None)


@pytest.mark.parametrize("make, message", [
    (lambda: BoundConfig(target_ram_bound=0), "BoundConfig.target_ram_bound: must be >= 1"),
    (lambda: BoundConfig(target_flash_bound=2.5), "BoundConfig.target_flash_bound: must be an integer"),
    (lambda: BoundConfig(target_latency_ms_bound=-1.0),
     "BoundConfig.target_latency_ms_bound: must be > 0"),
    (lambda: BoundConfig(target_latency_ms_bound=5.0),
     "BoundConfig.target_latency_ms_bound: needs target=TargetConfig(clock_mhz=...)"),
    (lambda: BoundConfig(target_instructions_bound=10**6, target=TargetConfig(target="x86-64")),
     "BoundConfig.target_instructions_bound: instructions are predicted for the cortex-m4 only"),
    (lambda: BoundConfig(error_bound=0.1, target="cortex-m4"), "BoundConfig.target: must be a"),
    (lambda: TargetConfig(target="cortex-m7"), "TargetConfig.target: must be one of"),
    (lambda: TargetConfig(kernels="cmsis"), "TargetConfig.kernels: must be one of"),
    (lambda: TargetConfig(stack_bytes=-1), "TargetConfig.stack_bytes: must be >= 0"),
    (lambda: TargetConfig(clock_mhz=0), "TargetConfig.clock_mhz: must be > 0"),
])
def test_target_fields_are_checked(make, message):
    with pytest.raises(ConfigError, match="^" + re.escape(message)):
        make()


def test_a_target_bound_alone_is_a_bound():
    b = BoundConfig(target_ram_bound=8_000)
    assert b.bounds_target and not BoundConfig(error_bound=0.1).bounds_target


@pytest.mark.parametrize("make, field", [
    (lambda: training(batch_size=0), "TrainingConfig.batch_size"),
    (lambda: training(epochs=2.5), "TrainingConfig.epochs"),
    (lambda: TrainingConfig(dataset=object(), optimizer=lambda: 1), "TrainingConfig.dataset"),
    (lambda: TrainingConfig(dataset=FakeDataset(), optimizer="sgd"), "TrainingConfig.optimizer"),
    (lambda: training(epochs=10, pruning=PruningConfig(finish_pruning_by_epoch=20)),
     "finish_pruning_by_epoch"),
    (lambda: PruningConfig(min_sparsity=0.9, max_sparsity=0.5), "PruningConfig.min_sparsity"),
    (lambda: PruningConfig(max_sparsity=1.0), "PruningConfig.max_sparsity"),
    (lambda: PruningConfig(start_pruning_at_epoch=5, finish_pruning_by_epoch=2),
     "PruningConfig.finish_pruning_by_epoch"),
    (lambda: DistillationConfig(distill_from="t.keras", temperature=0), "DistillationConfig.temperature"),
    (lambda: AgingEvoConfig(search_space=FakeSpace(), population_size=10, sample_size=20),
     "AgingEvoConfig.sample_size"),
    (lambda: AgingEvoConfig(search_space=object()), "AgingEvoConfig.search_space"),
    (lambda: BoundConfig(error_bound=1.5), "BoundConfig.error_bound"),
    (lambda: BoundConfig(peak_mem_bound="2KB"), "BoundConfig.peak_mem_bound"),
    (lambda: BoundConfig(), "BoundConfig"),
])
def test_bad_values_name_the_field(make, field):
    with pytest.raises(ConfigError) as e:
        make()
    assert field in str(e.value) and "\n" not in str(e.value)
