"""The original's Chars74K, Speech Commands and Visual Wake Words configs run on data in the real
on-disk formats (issue #10, "the configs load and run a two-epoch candidate on the test trees").

Each config is loaded as ``driver.py CONFIG --epochs 2 --data-dir TREE`` loads it (``load_config``,
``apply_overrides``, which scales a pruning schedule to the two epochs, and ``ensure_available``).
Availability fails in one line on an empty directory and passes on the tree; then one small,
hand-written candidate from the config's own CNN search space is trained through the search's
``CandidateEvaluator`` with the config's own TrainingConfig (optimizer, callbacks, pruning,
distillation) and must come back scored: a test error equal to the one its returned weights
give on the test split, and finite resource figures.

The trees are tiny, so the dataset's split *counts* (Chars74K's 705/2000 images, VWW's 10,000
validation records) are set to counts the tree holds; every other setting is the config's.
"""
import math
import sys
from pathlib import Path

import keras
import numpy as np
import pytest

import driver
from cnn import CnnArchitecture
from dataset import Chars74K, VisualWakeWords
from dataset.availability import ensure_available
from dataset_trees import make_chars74k, make_speech_commands, make_vww
from search_algorithms.evaluator import CandidateEvaluator
from resource_models.models import model_size
from search_algorithms.points import RESOURCE_FEATURES, Point

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = sorted(p.name for p in (ROOT / "configs").glob("cnn_chars74k_*.py")) + \
    sorted(p.name for p in (ROOT / "configs").glob("cnn_speech_commands_*.py")) + ["cnn_vww.py"]

#: a small candidate in the CNN space: a strided 3x3 conv, a 1x1 conv, average pooling, one dense
SMALL_ARCH = {
    "conv_blocks": [{"is_branch": False, "layers": [
        {"type": "Conv2D", "ker_size": 3, "filters": 8, "2x_stride": True,
         "has_prepool": True, "has_bn": True, "has_relu": True},
        {"type": "1x1Conv2D", "filters": 8, "has_prepool": False, "has_bn": False,
         "has_relu": True}]}],
    "pooling": {"type": "avg", "pool_size": 2},
    "dense_blocks": [{"units": 16, "activation": "relu"}],
}


@pytest.fixture(scope="module")
def trees(tmp_path_factory):
    """One tree per dataset, shared by every config of that dataset; plus an empty directory."""
    base = tmp_path_factory.mktemp("trees")
    (base / "empty").mkdir()
    make_vww(base / "vww", train=24, val=12, shards=2)
    return {"Chars74K": make_chars74k(base / "chars74k", per_class=4),
            "SpeechCommands": make_speech_commands(base / "speech", per_split=(8, 3, 3)),
            "VisualWakeWords": base / "vww", "empty": base / "empty"}


@pytest.fixture
def fresh_config_modules():
    """Configs import shared objects (dataset, search space) from sibling config modules; the test
    points them at its trees, so it gets fresh modules and leaves the ones it found in place."""
    def config_modules():
        return {k: m for k, m in sys.modules.items() if k == "configs" or k.startswith("configs.")}
    found = config_modules()
    for key in found:
        del sys.modules[key]
    yield
    for key in config_modules():
        del sys.modules[key]
    sys.modules.update(found)


def load_as_driver_does(name, data_dir):
    """``driver.py configs/NAME --epochs 2 --data-dir DATA_DIR`` up to the availability check."""
    path = ROOT / "configs" / name
    args = driver.parse_args([str(path), "--epochs", "2", "--data-dir", str(data_dir)])
    return driver.apply_overrides(driver.load_config(path), args)


def fit_split_counts_to_tree(dataset):
    """Split counts the tiny trees hold (62 classes x 4 images; 24 + 12 VWW records)."""
    if isinstance(dataset, Chars74K):
        dataset.validation_split, dataset.test_size = 62, 124
    elif isinstance(dataset, VisualWakeWords):
        dataset.validation_split = 6


def error_on_test_split(model, weights: bytes, dataset, batch_size, directory) -> float:
    """The error of ``model`` with ``weights`` (a ``.weights.h5`` file's bytes) on the test split,
    computed here: argmax of the logits, or a positive logit for a binary model."""
    path = Path(directory) / "scored.weights.h5"
    path.write_bytes(weights)
    model.load_weights(str(path))
    batches = dataset.eval_batches("test", batch_size) if hasattr(dataset, "eval_batches") \
        else dataset.test_dataset().batch(batch_size)
    wrong = total = 0
    for x, y in batches:
        logits = np.asarray(model(x, training=False))
        predicted = (logits[:, 0] > 0).astype(int) if logits.shape[-1] == 1 \
            else logits.argmax(axis=-1)
        wrong += int(np.sum(predicted != np.asarray(y).reshape(-1)))
        total += len(predicted)
    return wrong / total


@pytest.mark.parametrize("name", CONFIGS)
def test_config_trains_a_two_epoch_candidate_on_the_test_tree(name, trees, tmp_path, monkeypatch,
                                                              fresh_config_modules):
    monkeypatch.chdir(tmp_path)             # a config's relative paths (the teacher) resolve here
    config = load_as_driver_does(name, trees["empty"])
    training, space = config["training_config"], config["search_config"].search_space
    dataset = training.dataset
    assert training.epochs == 2
    assert Path(dataset.data_dir) not in trees.values()     # the config's own, not a tree yet

    # Missing data: one line naming what is missing; then the tree passes.
    problem = ensure_available(dataset, data_dir=trees["empty"])
    assert problem and "\n" not in problem and str(trees["empty"]) in problem
    tree = trees[type(dataset).__name__]
    fit_split_counts_to_tree(dataset)       # the config's split counts need the full dataset
    assert ensure_available(dataset, data_dir=tree) is None
    assert Path(dataset.data_dir) == tree

    # The search space learnt the data's shape from the dataset, as in the driver.
    assert space.input_shape == tuple(dataset.input_shape)
    assert space.num_classes == dataset.num_classes
    arch = CnnArchitecture.from_dict({"search_space": "cnn", "architecture": SMALL_ARCH})
    assert space.out_of_schema(arch) == []

    pruning = training.pruning
    sparsity = None if pruning is None else (pruning.min_sparsity + pruning.max_sparsity) / 2
    point = Point(id=0, arch=arch, sparsity=sparsity)
    evaluator = CandidateEvaluator(space, training, seed=0, keep_weights=True)

    if training.distillation is not None:
        # Without the teacher file the candidate fails, naming the config field and the file.
        failed, _ = evaluator.evaluate(point)
        assert not failed.ok and "DistillationConfig.distill_from" in failed.error
        assert Path(training.distillation.distill_from).name in failed.error
        teacher = keras.Sequential([keras.Input(dataset.input_shape),
                                    keras.layers.GlobalAveragePooling2D(),
                                    keras.layers.Dense(dataset.num_classes)])
        teacher.save(tmp_path / training.distillation.distill_from)

    scored, weights = evaluator.evaluate(point)
    assert scored.ok, scored.error
    assert scored.epochs_run == 2
    # the reported test error is the trained model's: recomputed from the weights it sent back
    assert scored.test_error == pytest.approx(
        error_on_test_split(space.to_keras_model(arch), weights, dataset, training.batch_size,
                            tmp_path), abs=1e-6)
    assert all(math.isfinite(scored.resource_features[k]) and scored.resource_features[k] > 0
               for k in RESOURCE_FEATURES)
    if pruning is not None:                 # the two-epoch run pruned: smaller than unpruned
        full = space.to_resource_graph(arch)
        unpruned = model_size(full, sparse=not pruning.structured)
        assert scored.resource_features["model_size"] < unpruned
