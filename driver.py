#!/usr/bin/env python
"""μNAS command line: execute a config file, start (or join) Ray, run the search.

    driver.py CONFIG [--name NAME] [--load-from STATE] [--save-every N] [--seed S]
                     [--rounds N] [--epochs N] [--checkpoint-dir DIR] [--workers N]
                     [--ray-address ADDR] [--data-dir DIR]

The config file is plain Python that defines ``search_algorithm``, ``training_config``,
``search_config`` and ``bound_config`` (see ``config.py`` and ``configs/``). The search space gets
the dataset's input shape and class count. The options after ``--seed`` override the config:
rounds, training epochs (a pruning schedule is scaled to fit), checkpoint directory, number of Ray
workers, the address of an existing Ray cluster to join, and the dataset's directory. The
dataset's files are checked before Ray starts: missing data is one line and exit 2.

Exit codes: 0 done, 1 the search stopped (too many failures in a row, Ray trouble), 2 a problem
with the config file, the command line, the checkpoint directory or a state file (one line naming
the file), 130 Ctrl-C or SIGTERM (the state is saved first).
"""
from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import runpy
import signal
import sys
import traceback
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("RAY_DEDUP_LOGS", "0")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from config import (AgingEvoConfig, BayesOptConfig, BoundConfig, ConfigError,  # noqa: E402
                    TrainingConfig)

EXIT_STOPPED, EXIT_USAGE, EXIT_INTERRUPTED = 1, 2, 130
STATE_SUFFIXES = ("_agingevosearch_state.json", "_bo_search_state.json")
log = logging.getLogger("uNAS")


class ConfigFileError(Exception):
    """A config file cannot be used; the message is one line and names the file."""


# --- config files ------------------------------------------------------------------------------
REQUIRED_NAMES = {
    "search_algorithm": "a search algorithm class, e.g. AgingEvoSearch (default: BayesOpt)",
    "training_config": "a config.TrainingConfig",
    "search_config": "a config.AgingEvoConfig",
    "bound_config": "a config.BoundConfig",
}


def _one_line(text) -> str:
    return " ".join(str(text).split())


def _config_line(path: Path, tb) -> str:
    """' (line N)' for the deepest traceback frame inside the config file, else ''."""
    lines = [f.lineno for f in traceback.extract_tb(tb)
             if os.path.abspath(f.filename) == os.path.abspath(path)]
    return f" (line {lines[-1]})" if lines else ""


def load_config(path) -> dict:
    """Execute a config file and return its four required values, checked.

    Raises ``ConfigFileError`` (one line, naming the file) when the file is missing, does not
    execute, lacks a required name or defines one with a wrong type.
    """
    path = Path(path)
    if not path.is_file():
        raise ConfigFileError(f"{path}: config file not found")
    try:
        namespace = runpy.run_path(str(path), run_name="__uNAS_config__")
    except SyntaxError as e:
        raise ConfigFileError(f"{path}: syntax error at line {e.lineno}: {e.msg}") from None
    except ConfigError as e:
        raise ConfigFileError(f"{path}{_config_line(path, e.__traceback__)}: "
                              f"{_one_line(e)}") from None
    except Exception as e:  # noqa: BLE001 - whatever the file raised, report it in one line
        raise ConfigFileError(f"{path}{_config_line(path, e.__traceback__)}: executing the config "
                              f"raised {type(e).__name__}: {_one_line(e)}") from None
    if "search_algorithm" not in namespace:  # μNAS's default: Bayesian optimisation
        from search_algorithms import BayesOpt
        namespace["search_algorithm"] = BayesOpt
    missing = [name for name in REQUIRED_NAMES if name not in namespace]
    if missing:
        wanted = "; ".join(f"{n} ({REQUIRED_NAMES[n]})" for n in missing)
        raise ConfigFileError(f"{path}: does not define {wanted}")
    config = {name: namespace[name] for name in REQUIRED_NAMES}
    _check_types(path, config)
    return config


def _wrong_type(path, name, value):
    return ConfigFileError(f"{path}: {name} must be {REQUIRED_NAMES[name]}, "
                           f"not {type(value).__name__} ({_one_line(repr(value))[:80]})")


def _check_types(path, config: dict) -> None:
    from search_algorithms import AgingEvoSearch, BayesOpt

    algorithm = config["search_algorithm"]
    if not (isinstance(algorithm, type) and hasattr(algorithm, "search")):
        raise _wrong_type(path, "search_algorithm", algorithm)
    if not isinstance(config["training_config"], TrainingConfig):
        raise _wrong_type(path, "training_config", config["training_config"])
    if not isinstance(config["bound_config"], BoundConfig):
        raise _wrong_type(path, "bound_config", config["bound_config"])
    search_config = config["search_config"]
    if issubclass(algorithm, BayesOpt):
        if not isinstance(search_config, BayesOptConfig):
            hint = " (an AgingEvoConfig is for AgingEvoSearch)" if isinstance(
                search_config, AgingEvoConfig) else ""
            raise ConfigFileError(f"{path}: search_config must be a config.BayesOptConfig for "
                                  f"BayesOpt, not {type(search_config).__name__}{hint}")
    elif issubclass(algorithm, AgingEvoSearch) and not isinstance(search_config, AgingEvoConfig):
        hint = " (a BayesOptConfig is for BayesOptSearch)" if isinstance(
            search_config, BayesOptConfig) else ""
        raise ConfigFileError(f"{path}: search_config must be a config.AgingEvoConfig for "
                              f"AgingEvoSearch, not {type(search_config).__name__}{hint}")


# --- command-line overrides --------------------------------------------------------------------
def scaled_pruning(pruning, old_epochs: int, new_epochs: int):
    """The pruning schedule stretched or shrunk to ``new_epochs`` (same fractions of training)."""
    if pruning is None or new_epochs == old_epochs:
        return pruning
    scale = new_epochs / old_epochs
    start = min(new_epochs, int(round(pruning.start_pruning_at_epoch * scale)))
    finish = pruning.finish_pruning_by_epoch
    if finish is not None:
        finish = max(start, min(new_epochs, int(round(finish * scale))))
    return dataclasses.replace(pruning, start_pruning_at_epoch=start,
                               finish_pruning_by_epoch=finish)


def apply_overrides(config: dict, args) -> dict:
    """The config with the command line's --rounds/--epochs/--checkpoint-dir/--workers applied
    (re-validated: the dataclasses check the new values)."""
    training, search = config["training_config"], config["search_config"]
    if args.epochs is not None:
        training = dataclasses.replace(
            training, epochs=args.epochs,
            pruning=scaled_pruning(training.pruning, training.epochs, args.epochs))
    changes = {}
    if args.rounds is not None:
        changes["rounds"] = args.rounds
    if args.checkpoint_dir is not None:
        changes["checkpoint_dir"] = args.checkpoint_dir
    if args.workers is not None:
        changes["max_parallel_evaluations"] = args.workers
    if changes:
        search = dataclasses.replace(search, **changes)
    # The search space learns the data's shape and class count from the dataset (no data read).
    search.search_space.input_shape = tuple(training.dataset.input_shape)
    search.search_space.num_classes = training.dataset.num_classes
    return {**config, "training_config": training, "search_config": search}


# --- command line ------------------------------------------------------------------------------
def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be >= 1, got {value}")
    return value


def parse_args(argv=None):
    p = argparse.ArgumentParser(
        prog="driver.py", description="μNAS: search for microcontroller-sized neural networks.")
    p.add_argument("config", help="config file (Python) defining search_algorithm, "
                                  "training_config, search_config and bound_config")
    p.add_argument("--name", help="experiment name, used in the state file name (default: the "
                                  "--load-from state's name, else the config file's name)")
    p.add_argument("--load-from", metavar="STATE", help="resume from this search state file")
    p.add_argument("--save-every", type=_positive_int, default=5, metavar="N",
                   help="write the state file every N evaluated candidates (default 5)")
    p.add_argument("--seed", type=int, default=0, help="seed of the search and of training")
    p.add_argument("--rounds", type=_positive_int, metavar="N",
                   help="candidates to evaluate in total (overrides the config)")
    p.add_argument("--epochs", type=_positive_int, metavar="N",
                   help="training epochs per candidate (overrides the config; a pruning schedule "
                        "is scaled to fit)")
    p.add_argument("--checkpoint-dir", metavar="DIR",
                   help="where the state file and kept weights go (overrides the config)")
    p.add_argument("--workers", type=_positive_int, metavar="N",
                   help="parallel evaluations, one Ray worker each (default: one per GPU, else "
                        "one per CPU core)")
    p.add_argument("--ray-address", metavar="ADDR",
                   help="join this Ray cluster (e.g. 'auto' or 'host:6379') instead of starting "
                        "a local Ray; for a cluster with token authentication (Ray's default) "
                        "set RAY_AUTH_MODE=token")
    p.add_argument("--data-dir", metavar="DIR",
                   help="directory holding the dataset's files (overrides the config's data_dir)")
    return p.parse_args(argv)


def default_name(args) -> str:
    if args.name:
        return args.name
    for suffix in STATE_SUFFIXES:
        if args.load_from and Path(args.load_from).name.endswith(suffix):
            return Path(args.load_from).name[:-len(suffix)]
    return Path(args.config).stem


def _setup_logging() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S",
                        stream=sys.stderr)
    for noisy in ("ray", "absl", "tensorflow", "h5py"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _import_tensorflow_quietly() -> None:
    """Import Keras/TensorFlow (every config does) with the C++ start-up banner lines that no
    environment variable silences (absl's pre-init warning, oneDNN's notice) kept off stderr.
    Python-level errors still surface: the import is retried with stderr open if it fails."""
    try:
        saved = os.dup(2)
    except OSError:
        return
    try:
        sys.stderr.flush()
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
        try:
            import keras  # noqa: F401
        except Exception:  # noqa: BLE001 - reported when the config imports it
            pass
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _sigterm_as_interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def _checkpoint_dir_problem(directory) -> str:
    """Why the search could not write its state under ``directory`` ('' when it can): checked
    before any worker starts, so a bad directory costs seconds, not a search. The check creates the
    directory and removes again what it created, so a search that stops on later bad input (a
    wrong state file) leaves nothing behind."""
    path = Path(directory).absolute()
    created = [p for p in [path, *path.parents] if not p.exists()]
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        return f"cannot create the checkpoint directory ({e.strerror or type(e).__name__})"
    writable = os.access(path, os.W_OK | os.X_OK)
    for p in created:  # deepest first
        try:
            p.rmdir()
        except OSError:
            break
    return "" if writable else "the checkpoint directory is not writable"


def _start_ray_first(search, address):
    """Start (or join) Ray before the search does, so that the SIGTERM handler installed after
    it is ours: ``ray.init`` replaces whatever SIGTERM handler was there with one that exits
    without the search's save. Returns whether Ray was started here (and must be shut down)."""
    if not getattr(search, "use_ray", False):
        return False
    from search_algorithms.workers import start_ray
    return start_ray(address)


def main(argv=None) -> int:
    args = parse_args(argv)
    _setup_logging()
    if Path(args.config).is_file():
        _import_tensorflow_quietly()
    try:
        config = apply_overrides(load_config(args.config), args)
    except ConfigFileError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except ConfigError as e:  # an override made a value invalid
        print(f"error: {args.config}: with the command-line overrides: {_one_line(e)}",
              file=sys.stderr)
        return EXIT_USAGE

    from dataset.availability import ensure_available  # missing data: fail before any worker
    problem = ensure_available(config["training_config"].dataset, data_dir=args.data_dir)
    if problem:
        print(f"error: {args.config}: {problem}", file=sys.stderr)
        return EXIT_USAGE

    from search_algorithms.display import LogDisplay, ProgressDisplay
    from search_algorithms.runner import SearchAborted
    from search_algorithms.state import StateFileError
    from search_algorithms.workers import RayUnavailable, WorkersUnavailable

    search_config, training_config = config["search_config"], config["training_config"]
    try:
        search = config["search_algorithm"](default_name(args), search_config, training_config,
                                            config["bound_config"], seed=args.seed,
                                            ray_address=args.ray_address)
    except ValueError as e:  # e.g. no bounded objective left (unstructured pruning)
        print(f"error: {args.config}: {_one_line(e)}", file=sys.stderr)
        return EXIT_USAGE
    from config import BayesOptConfig
    from dragonfly_adapters.transport import solver_setting_problem  # BO's distance solver
    problem = solver_setting_problem(build=isinstance(search_config, BayesOptConfig))
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    problem = _checkpoint_dir_problem(search_config.checkpoint_dir)
    if problem:
        where = ("--checkpoint-dir" if args.checkpoint_dir is not None
                 else f"{args.config}: search_config.checkpoint_dir")
        print(f"error: {where} {search_config.checkpoint_dir}: {problem}", file=sys.stderr)
        return EXIT_USAGE
    search.display = (ProgressDisplay if sys.stderr.isatty() else LogDisplay)(search.bounds)
    log.info("Config %s: %s on %s, %d rounds, %d epoch(s) per candidate; state: %s", args.config,
             type(search).__name__, type(training_config.dataset).__name__, search_config.rounds,
             training_config.epochs, search.state_path)
    started_ray, previous = False, signal.getsignal(signal.SIGTERM)
    try:
        started_ray = _start_ray_first(search, args.ray_address)
        signal.signal(signal.SIGTERM, _sigterm_as_interrupt)  # SIGTERM = Ctrl-C: save, then exit
        search.search(load_from=args.load_from, save_every=args.save_every)
    except (StateFileError, RayUnavailable) as e:
        print(f"error: {_one_line(e)}", file=sys.stderr)
        return EXIT_USAGE
    except (SearchAborted, WorkersUnavailable) as e:
        print(f"error: search stopped: {_one_line(e)} (state saved to {search.state_path})",
              file=sys.stderr)
        return EXIT_STOPPED
    except KeyboardInterrupt:
        if search.state_path.exists():
            print(f"Interrupted; resume with --load-from {search.state_path}", file=sys.stderr)
        else:
            print("Interrupted before the search started.", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)
        if started_ray:
            import ray
            ray.shutdown()
    _summary(search)
    return 0


def _summary(search) -> None:
    from search_algorithms.display import fmt_features
    from search_algorithms.points import in_bounds
    history = search.history
    good = [p for p in history if in_bounds(p, search.bounds)]
    failed = sum(not p.ok for p in history)
    best = min(good, key=lambda p: p.val_error, default=None)
    best_text = "none" if best is None else (
        f"#{best.id}, val error {best.val_error:.4f}, {fmt_features(best)}")
    from search_algorithms.display import fmt_screened
    from search_algorithms.screening import screening_totals
    screened = screening_totals(history)
    screened = f"; {fmt_screened(screened)} before training" if screened else ""
    log.info("Done: %d candidates evaluated (%d failed), %d within bounds%s; best within bounds: "
             "%s. State: %s", len(history), failed, len(good), screened, best_text,
             search.state_path)


if __name__ == "__main__":
    sys.exit(main())
