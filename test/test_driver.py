"""driver.py's command line: config files that cannot be used give one line naming the file and
the problem, and exit code 2; overrides are applied and re-validated. No search is run here."""
import importlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import driver
from config import TARGET_BOUNDS, AgingEvoConfig, PruningConfig

ROOT = Path(__file__).resolve().parents[1]

GOOD = textwrap.dedent("""
    from config import AgingEvoConfig, BoundConfig, TrainingConfig
    from search_algorithms import AgingEvoSearch
    from search_algorithms.testing import FakeSearchSpace

    class FakeData:
        input_shape, num_classes = (8, 8, 1), 10
        train_dataset = validation_dataset = test_dataset = lambda self: None

    search_algorithm = AgingEvoSearch
    training_config = TrainingConfig(dataset=FakeData(), optimizer=lambda: None, epochs=10)
    search_config = AgingEvoConfig(search_space=FakeSearchSpace(), rounds=50)
    bound_config = BoundConfig(error_bound=0.1)
""")


def write(tmp_path, text, name="cfg.py"):
    path = tmp_path / name
    path.write_text(text)
    return path


BAD_CONFIGS = [
    ("syntax", "x = (1,\n", "syntax error at line"),
    ("raises", GOOD + "\n1 / 0\n", "(line 15): executing the config raised ZeroDivisionError"),
    ("import", "import no_such_module_here\n", "ModuleNotFoundError: No module named"),
    ("missing", GOOD.replace("bound_config = BoundConfig(error_bound=0.1)", ""),
     "does not define bound_config (a config.BoundConfig)"),
    ("two missing", "x = 1\n", "does not define training_config"),
    ("wrong type", GOOD + "\ntraining_config = {'epochs': 3}\n",
     "training_config must be a config.TrainingConfig, not dict"),
    ("bounds type", GOOD + "\nbound_config = 0.1\n", "bound_config must be a config.BoundConfig"),
    ("algorithm", GOOD + "\nsearch_algorithm = 'aging'\n", "search_algorithm must be"),
    ("config value", GOOD.replace("rounds=50", "rounds=0"),
     "AgingEvoConfig.rounds: must be >= 1 (got 0)"),
    ("bayesopt", GOOD + "\nfrom search_algorithms import BayesOpt\n"
                        "search_algorithm = BayesOpt\n",
     "search_config must be a config.BayesOptConfig for BayesOpt, not AgingEvoConfig"),
]


@pytest.mark.parametrize("name, text, problem", BAD_CONFIGS, ids=[c[0] for c in BAD_CONFIGS])
def test_bad_config_files_are_one_line_errors(tmp_path, name, text, problem):
    path = write(tmp_path, text)
    with pytest.raises(driver.ConfigFileError) as e:
        driver.load_config(path)
    message = str(e.value)
    assert message.startswith(str(path)) and problem in message and "\n" not in message


def test_missing_config_file(tmp_path):
    with pytest.raises(driver.ConfigFileError, match="config file not found"):
        driver.load_config(tmp_path / "nope.py")


def run_driver(*args, timeout=120):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, str(ROOT / "driver.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=env)


@pytest.mark.parametrize("text, problem", [
    (None, "config file not found"),
    ("x = (1,\n", "syntax error at line 1: '(' was never closed"),
    (GOOD.replace("bound_config = BoundConfig(error_bound=0.1)", "bound_config = None"),
     "bound_config must be a config.BoundConfig, not NoneType"),
])
def test_driver_exits_2_with_one_line(tmp_path, text, problem):
    path = tmp_path / "cfg.py" if text is None else write(tmp_path, text)
    result = run_driver(path)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}") and problem in lines[0], \
        result.stderr


def test_bad_resume_file_is_a_one_line_error(tmp_path):
    cfg = write(tmp_path, GOOD)
    state = tmp_path / "x_agingevosearch_state.json"
    state.write_text('{"version": 1, "algori')
    result = run_driver(cfg, "--load-from", state, "--checkpoint-dir", tmp_path)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and str(state) in lines[0] and "corrupt or truncated" in lines[0]


def test_bad_command_line_values_exit_2(tmp_path):
    result = run_driver(write(tmp_path, GOOD), "--rounds", "0")
    assert result.returncode == 2 and "--rounds: must be >= 1" in result.stderr


def test_a_bad_transport_solver_setting_exits_2(tmp_path, monkeypatch):
    monkeypatch.setenv("UNAS_TRANSPORT", "fastest")
    result = run_driver(write(tmp_path, GOOD))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == \
        ["error: UNAS_TRANSPORT='fastest': must be one of auto, compiled, pot"]


def test_overrides_are_applied(tmp_path):
    config = driver.load_config(write(tmp_path, GOOD))
    args = driver.parse_args([str(tmp_path / "cfg.py"), "--rounds", "7", "--epochs", "2",
                              "--checkpoint-dir", str(tmp_path / "ck"), "--workers", "3"])
    out = driver.apply_overrides(config, args)
    s, t = out["search_config"], out["training_config"]
    assert (s.rounds, s.checkpoint_dir, s.max_parallel_evaluations) == (7, str(tmp_path / "ck"), 3)
    assert isinstance(s, AgingEvoConfig) and t.epochs == 2
    assert s.search_space.input_shape == (8, 8, 1) and s.search_space.num_classes == 10
    assert config["search_config"].rounds == 50  # the loaded config itself is not changed


def test_epochs_override_scales_the_pruning_schedule():
    p = PruningConfig(structured=True, start_pruning_at_epoch=3, finish_pruning_by_epoch=18)
    q = driver.scaled_pruning(p, 30, 10)
    assert (q.start_pruning_at_epoch, q.finish_pruning_by_epoch) == (1, 6)
    q = driver.scaled_pruning(p, 30, 1)
    assert (q.start_pruning_at_epoch, q.finish_pruning_by_epoch) == (0, 1)
    assert driver.scaled_pruning(None, 30, 1) is None


def test_default_name():
    args = driver.parse_args(["configs/cnn_digits_aging.py"])
    assert driver.default_name(args) == "cnn_digits_aging"
    args = driver.parse_args(["c.py", "--load-from", "a/b/run7_agingevosearch_state.json"])
    assert driver.default_name(args) == "run7"
    args = driver.parse_args(["c.py", "--name", "x", "--load-from", "run7_agingevosearch_state.json"])
    assert driver.default_name(args) == "x"


# --- the shipped configs ------------------------------------------------------------------------
#: Every configuration file of the original μNAS (github.com/eliberis/uNAS, configs/), with the
#: parts each needs that other modules provide (inherited from the config it derives from).
SGDW, ADAMW, BO = "optimizers.SGDW", "optimizers.AdamW", "search_algorithms.BayesOpt"
CHARS, SPEECH, VWW = "dataset.Chars74K", "dataset.SpeechCommands", "dataset.VisualWakeWords"
ORIGINAL_CONFIGS = {
    "cnn_chars74k_aging.py": {CHARS, SGDW},
    "cnn_chars74k_binary.py": {CHARS, SGDW},
    "cnn_chars74k_binary_struct_pru.py": {CHARS, SGDW},
    "cnn_chars74k_bo.py": {CHARS, SGDW, BO},
    "cnn_chars74k_bo_struct_pru.py": {CHARS, SGDW, BO},
    "cnn_chars74k_distill.py": {CHARS, SGDW},
    "cnn_chars74k_sparse.py": {CHARS, SGDW},
    "cnn_chars74k_struct_pru.py": {CHARS, SGDW},
    "cnn_cifar10_aging.py": {SGDW},
    "cnn_cifar10_binary.py": {SGDW},
    "cnn_cifar10_binary_sparse.py": {SGDW},
    "cnn_cifar10_binary_struct_pru.py": {SGDW},
    "cnn_cifar10_distill.py": {SGDW},
    "cnn_cifar10_struct_pru.py": {SGDW},
    "cnn_fashion_aging.py": {SGDW},
    "cnn_fashion_aging_struct_pru.py": {SGDW},
    "cnn_fashion_bo.py": {ADAMW, BO},  # no search_algorithm: Bayesian optimisation by default
    "cnn_mnist_aging.py": {SGDW},
    "cnn_mnist_aging_no_ms.py": {SGDW},
    "cnn_mnist_aging_no_pmu.py": {SGDW},
    "cnn_mnist_binary.py": {ADAMW, BO},  # no search_algorithm
    "cnn_mnist_bo.py": {SGDW, BO},
    "cnn_mnist_bo_struct_pru.py": {SGDW, BO},
    "cnn_mnist_sparse.py": {SGDW},
    "cnn_mnist_struct_pru.py": {SGDW},
    "cnn_speech_commands_aging.py": {SPEECH, ADAMW},
    "cnn_speech_commands_struct_pru.py": {SPEECH, ADAMW},
    "cnn_vww.py": {VWW, SGDW, BO},  # no search_algorithm
    "mlp_fashion.py": {BO},  # no search_algorithm
}
#: This project's own configs (need nothing outside this repository).
OWN_CONFIGS = ["cnn_digits_aging.py", "cnn_digits_bo.py", "cnn_digits_mcu.py", "cnn_digits_mcu_bo.py",
               "cnn_fashion_aging_cpu.py", "cnn_fashion_aging_cpu_fast.py"]


def _importable(part: str) -> bool:
    module, name = part.rsplit(".", 1)
    try:
        return hasattr(importlib.import_module(module), name)
    except ImportError:
        return False


def _load(name):
    """The loaded config; every part a shipped config needs (optimisers, datasets, Bayesian
    optimisation) is part of this project, so each one loads."""
    missing = sorted(p for p in ORIGINAL_CONFIGS.get(name, ()) if not _importable(p))
    assert not missing, f"{name} needs parts this project lacks: {missing}"
    return driver.load_config(ROOT / "configs" / name)


def test_every_original_config_is_here_and_nothing_else_but_ours():
    shipped = sorted(p.name for p in (ROOT / "configs").glob("*.py"))
    assert shipped == sorted([*ORIGINAL_CONFIGS, *OWN_CONFIGS])


@pytest.mark.parametrize("name", sorted([*ORIGINAL_CONFIGS, *OWN_CONFIGS]))
def test_shipped_configs_load_without_reading_data(name):
    config = _load(name)
    dataset = config["training_config"].dataset
    assert getattr(dataset, "_splits", None) is None  # executing the config read no data
    space = config["search_config"].search_space
    assert type(space).__name__ == ("MlpSearchSpace" if name.startswith("mlp") else "CnnSearchSpace")
    assert config["search_config"].checkpoint_dir.startswith("artifacts/")


def test_own_configs_need_nothing_from_elsewhere():
    for name in OWN_CONFIGS:
        assert driver.load_config(ROOT / "configs" / name)["search_config"].rounds >= 1


def _value(config, path):
    obj = config
    for part in path.split("."):
        if part.endswith("()"):
            obj = getattr(obj, part[:-2])()
        elif isinstance(obj, dict):
            obj = obj[part]
        else:
            obj = getattr(obj, part)
    return obj


def _schedule(config, epochs):
    callbacks = config["training_config"].callbacks()
    [scheduler] = [c for c in callbacks if hasattr(c, "schedule")]
    return [scheduler.schedule(e) for e in epochs]


#: Values read off the original's config files (config, attribute path, the original's value).
SPOT_CHECKS = [
    ("cnn_mnist_aging.py", "training_config.epochs", 30),
    ("cnn_mnist_aging.py", "search_config.population_size", 100),
    ("cnn_mnist_aging.py", "search_config.sample_size", 25),
    ("cnn_mnist_aging.py", "search_config.rounds", 2000),
    ("cnn_mnist_aging_no_ms.py", "bound_config.as_dict()",
     dict(error_bound=0.035, peak_mem_bound=2500, model_size_bound=None, mac_bound=30_000_000)),
    ("cnn_mnist_sparse.py", "training_config.pruning",
     ("unstructured", 3, 18, 0.2, 0.98)),
    ("cnn_mnist_sparse.py", "bound_config.as_dict()",
     dict(error_bound=0.025, peak_mem_bound=None, model_size_bound=1000, mac_bound=None)),
    ("cnn_mnist_struct_pru.py", "training_config.pruning", ("structured", 3, 18, 0.05, 0.8)),
    ("cnn_mnist_binary.py", "training_config.epochs", 25),
    ("cnn_mnist_binary.py", "search_config.starting_points", 10),
    ("cnn_mnist_binary.py", "bound_config.as_dict()",
     dict(error_bound=0.01, peak_mem_bound=2000, model_size_bound=2000, mac_bound=1_000_000)),
    ("cnn_fashion_aging.py", "training_config.epochs", 45),
    ("cnn_fashion_aging.py", "search_config.search_space.dropout", 0.15),
    ("cnn_fashion_aging.py", "schedule 0 24 25 34 35 44", [0.01, 0.01, 0.005, 0.005, 0.001, 0.001]),
    ("cnn_fashion_aging_struct_pru.py", "training_config.pruning",
     ("structured", 3, 38, 0.05, 0.9)),
    ("cnn_fashion_bo.py", "training_config.epochs", 75),
    ("cnn_fashion_bo.py", "bound_config.mac_bound", 1_000_000),
    ("cnn_fashion_bo.py", "schedule 0 24 25", [0.001, 0.001, 0.00025]),
    ("cnn_cifar10_aging.py", "search_config.rounds", 6000),
    ("cnn_cifar10_aging.py", "training_config.epochs", 130),
    ("cnn_cifar10_aging.py", "schedule 89 90 104 105", [0.01, 0.005, 0.005, 0.001]),
    ("cnn_cifar10_struct_pru.py", "bound_config.as_dict()",
     dict(error_bound=0.10, peak_mem_bound=50_000, model_size_bound=50_000, mac_bound=60_000_000)),
    ("cnn_cifar10_struct_pru.py", "training_config.pruning", ("structured", 90, 120, 0.1, 0.9)),
    ("cnn_cifar10_binary.py", "training_config.epochs", 80),
    ("cnn_cifar10_binary.py", "training_config.callbacks()", []),
    ("cnn_cifar10_binary.py", "search_config.search_space.dropout", 0.0),
    ("cnn_cifar10_binary.py", "bound_config.as_dict()",
     dict(error_bound=0.3, peak_mem_bound=3000, model_size_bound=2000, mac_bound=1_000_000)),
    ("cnn_cifar10_binary_sparse.py", "training_config.pruning",
     ("unstructured", 30, 60, 0.1, 0.98)),
    ("cnn_cifar10_binary_struct_pru.py", "training_config.pruning",
     ("structured", 30, 60, 0.1, 0.6)),
    ("cnn_cifar10_distill.py", "training_config.distillation.alpha", 0.3),
    ("cnn_chars74k_aging.py", "training_config.batch_size", 80),
    ("cnn_chars74k_aging.py", "schedule 34 35", [0.01, 0.005]),
    ("cnn_chars74k_distill.py", "training_config.batch_size", 75),
    ("cnn_chars74k_binary.py", "schedule 41 42", [0.01, 0.005]),
    ("cnn_chars74k_binary_struct_pru.py", "bound_config.as_dict()",
     dict(error_bound=0.26, peak_mem_bound=1500, model_size_bound=1000, mac_bound=1_000_000)),
    ("cnn_chars74k_sparse.py", "training_config.pruning", ("unstructured", 20, 53, 0.1, 0.98)),
    ("cnn_speech_commands_aging.py", "training_config.batch_size", 50),
    ("cnn_speech_commands_aging.py", "schedule 19 20 39 40", [0.0005, 0.0001, 0.0001, 0.00002]),
    ("cnn_speech_commands_struct_pru.py", "training_config.pruning",
     ("structured", 20, 40, 0.1, 0.9)),
    ("cnn_vww.py", "training_config.batch_size", 64),
    ("cnn_vww.py", "bound_config.peak_mem_bound", 250_000),
    ("mlp_fashion.py", "training_config.epochs", 75),
    ("mlp_fashion.py", "bound_config.as_dict()",
     dict(error_bound=0.18, peak_mem_bound=200, model_size_bound=30_000, mac_bound=30_000)),
]


@pytest.mark.parametrize("name, path, expected", SPOT_CHECKS,
                         ids=[f"{c[0][:-3]}:{c[1]}" for c in SPOT_CHECKS])
def test_configs_hold_the_originals_values(name, path, expected):
    config = _load(name)
    if path.startswith("schedule"):
        value = _schedule(config, [int(e) for e in path.split()[1:]])
        assert value == pytest.approx(expected)
        return
    value = _value(config, path)
    if path == "bound_config.as_dict()":   # the original's four bounds; no target bound set
        assert all(value.pop(name) is None for name in TARGET_BOUNDS)
    if path.endswith("pruning"):
        value = ("structured" if value.structured else "unstructured", value.start_pruning_at_epoch,
                 value.finish_pruning_by_epoch, value.min_sparsity, value.max_sparsity)
    assert value == expected


def test_a_config_missing_a_part_exits_2_naming_it(tmp_path):
    """Whatever is missing at run time (a dataset class, the data itself), one line and exit 2."""
    result = run_driver(ROOT / "configs" / "cnn_chars74k_aging.py", "--checkpoint-dir", tmp_path)
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.stderr
    named = ["Chars74K", "optimizers", "/datasets/chars74k"]
    assert any(n in lines[0] for n in named), lines[0]


def test_unstructured_pruning_with_only_memory_or_mac_bounds_exits_2(tmp_path):
    text = GOOD.replace("epochs=10)", "epochs=10, pruning=PruningConfig())") \
               .replace("BoundConfig(error_bound=0.1)", "BoundConfig(mac_bound=5)") \
               .replace("import AgingEvoConfig,", "import PruningConfig, AgingEvoConfig,")
    result = run_driver(write(tmp_path, text))
    assert result.returncode == 2, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: ") and "no objective left to optimise" in last
    assert "ignoring mac_bound" in result.stderr
