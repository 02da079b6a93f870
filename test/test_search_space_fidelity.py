"""Fidelity of the search spaces to the original μNAS, checked against data the original produced
(see test/data/original_search_space.README.md for how):

* architecture dicts generated (and built) by the original load here unchanged, build resource
  graphs with the figures the original's resource_models computed for them, and have morph lists
  as long as the original's;
* random architectures and 10-step random morph walks follow the original's distributions: each
  feature's histogram is within a total variation distance of the original's that two seeds of the
  original stay within.
"""
import json
import os

import numpy as np
import pytest

from arch_histograms import cnn_features, mlp_features, tvd
from cnn import CnnArchitecture, CnnSearchSpace
from mlp import MlpArchitecture, MlpSearchSpace
from resource_models.models import inference_latency, macs, model_size, peak_memory_usage

DATA = os.path.join(os.path.dirname(__file__), "data")
with open(os.path.join(DATA, "original_architectures.json")) as f:
    ORIGINAL_ARCHS = json.load(f)
with open(os.path.join(DATA, "original_search_space_histograms.json")) as f:
    ORIGINAL_HISTOGRAMS = json.load(f)

SPACES = {"cnn": (CnnSearchSpace, CnnArchitecture), "mlp": (MlpSearchSpace, MlpArchitecture)}


def figures(g):
    return (peak_memory_usage(g), model_size(g), macs(g), inference_latency(g, 1, 1))


@pytest.mark.parametrize("index", range(len(ORIGINAL_ARCHS)))
def test_an_original_architecture_loads_builds_its_figures_and_its_morph_count(index):
    rec = ORIGINAL_ARCHS[index]
    space_cls, arch_cls = SPACES[rec["search_space"]]
    shape, classes = tuple(rec["input_shape"]), rec["num_classes"]
    original = json.loads(json.dumps(rec["architecture"]))
    arch = arch_cls(original)
    assert original == rec["architecture"]                 # loading leaves the dict as it was
    space = space_cls(shape, classes)
    expected = (rec["peak_memory_usage"], rec["model_size"], rec["macs"], rec["latency_mem1"])
    assert figures(space.to_resource_graph(arch)) == expected
    # the dict as generated, before the original built it (and wrote into it), builds the same graph
    assert figures(space.to_resource_graph(arch_cls(rec["architecture_before_build"]))) == expected
    assert len(space.produce_morphs(arch)) == rec["num_morphs"]
    assert len(space_cls().produce_morphs(arch)) == rec["num_morphs"]
    if rec["search_space"] == "cnn":                       # as a parent, the unbuilt dict too
        assert len(space.produce_morphs(arch_cls(rec["architecture_before_build"]))) == rec["num_morphs"]


def this_projects_histograms(name, n_random, n_walks, seed, steps=10):
    space = SPACES[name][0]()
    features = cnn_features if name == "cnn" else mlp_features
    rng = np.random.default_rng(seed)
    random = [space.random_architecture(rng).architecture for _ in range(n_random)]
    walks = []
    for _ in range(n_walks):
        arch = space.random_architecture(rng)
        for _ in range(steps):
            arch = space.random_morph(arch, rng)
        walks.append(arch.architecture)
    return {"random": features(random), "walks": features(walks)}


# The original's own seed-to-seed variation (3,000 random architectures, 1,000 walks of 10 morphs),
# measured with the same features: see original_search_space_histograms.json "seed_to_seed_tvd".
MAX_TVD = {"random": 0.03, "walks": 0.07}


@pytest.mark.parametrize("name", ["cnn", "mlp"])
def test_random_architectures_and_morph_walks_follow_the_originals_distributions(name):
    original = ORIGINAL_HISTOGRAMS[name]
    ours = this_projects_histograms(name, original["n_random"], original["n_walks"], seed=11)
    distances = {(kind, feature): tvd(ours[kind][feature], original[kind][feature])
                 for kind in ("random", "walks") for feature in original[kind]}
    too_far = {k: round(d, 4) for k, d in distances.items() if d > MAX_TVD[k[0]]}
    assert not too_far, too_far
    assert set(ours["random"]) == set(original["random"])


def test_the_distribution_check_detects_a_different_distribution():
    """The same check fails for a space that draws upper bounds (as this project once did)."""
    original = ORIGINAL_HISTOGRAMS["cnn"]["random"]
    rng = np.random.default_rng(0)
    space = CnnSearchSpace()
    archs = [space.random_architecture(rng).architecture for _ in range(3000)]
    for a in archs:                  # block counts uniform on 1-10 instead of 1-9 (upper bound drawn)
        if rng.random() < 0.1:
            while len(a["conv_blocks"]) < 10:
                a["conv_blocks"].append(space.random_conv_block(len(a["conv_blocks"]), rng))
    assert tvd(cnn_features(archs)["num_conv_blocks"], original["num_conv_blocks"]) > MAX_TVD["random"]
