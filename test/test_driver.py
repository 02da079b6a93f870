"""driver.py's command line: config files that cannot be used give one line naming the file and
the problem, and exit code 2; overrides are applied and re-validated. No search is run here."""
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import driver
from config import AgingEvoConfig, PruningConfig

ROOT = Path(__file__).resolve().parents[1]

GOOD = textwrap.dedent("""
    from config import AgingEvoConfig, BoundConfig, TrainingConfig
    from search_algorithms import AgingEvoSearch
    from search_algorithms.fakes import FakeSearchSpace

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


SHIPPED = sorted(p.name for p in (ROOT / "configs").glob("*.py"))


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_configs_load_without_reading_data(name):
    config = driver.load_config(ROOT / "configs" / name)
    dataset = config["training_config"].dataset
    assert getattr(dataset, "_splits", None) is None  # executing the config read no data
    space = config["search_config"].search_space
    assert type(space).__name__ == "CnnSearchSpace"
    assert config["search_config"].checkpoint_dir.startswith("artifacts/")


def test_unstructured_pruning_with_only_memory_or_mac_bounds_exits_2(tmp_path):
    text = GOOD.replace("epochs=10)", "epochs=10, pruning=PruningConfig())") \
               .replace("BoundConfig(error_bound=0.1)", "BoundConfig(mac_bound=5)") \
               .replace("import AgingEvoConfig,", "import PruningConfig, AgingEvoConfig,")
    result = run_driver(write(tmp_path, text))
    assert result.returncode == 2, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: ") and "no objective left to optimise" in last
    assert "ignoring mac_bound" in result.stderr
