"""The MLP search space: reference graphs of the original μNAS, properties of random architectures and
morphs, and the Keras model against the resource graph."""
import json
import os

import numpy as np
import pytest

from architecture import Architecture
from mlp import MlpArchitecture, MlpSearchSpace
from resource_models.models import inference_latency, macs, model_size, peak_memory_usage
from resource_models.serialization import graph_to_dict

from conftest import load_reference_records

MLP_RECORDS = load_reference_records("MlpSearchSpace")
SHAPES = [(28, 28, 1), (32, 32, 3), (49, 40, 1), (8, 8, 1)]


@pytest.mark.parametrize("index", range(len(MLP_RECORDS)))
def test_reference_mlp_graph_is_rebuilt_exactly(index):
    rec = MLP_RECORDS[index]
    dense = [o for o in rec["ops"] if o["op"] == "Dense"]
    assert len(dense) == len(rec["ops"])
    arch = MlpArchitecture([{"units": o["units"]} for o in dense[:-1]])
    g = arch.to_resource_graph(tuple(rec["input"]["shape"][1:]), dense[-1]["units"])
    got = graph_to_dict(g)
    name = dense[-1]["name"]                     # the original's classifier name
    rename = {"classifier": name, "classifier:0": f"{name}:0"}
    for op in got["ops"]:
        op.pop("activation", None)
        op["name"], op["output"] = rename.get(op["name"], op["name"]), rename.get(op["output"], op["output"])
        op["inputs"] = [rename.get(t, t) for t in op["inputs"]]
    assert got["input"] == rec["input"]
    assert got["ops"] == rec["ops"]
    assert [rename.get(t, t) for t in got["outputs"]] == rec["outputs"]
    assert (peak_memory_usage(g), model_size(g), macs(g), inference_latency(g, 1, 1)) == \
        (rec["peak_memory_usage"], rec["model_size"], rec["macs"], rec["latency_mem1"])


@pytest.mark.parametrize("shape", SHAPES)
def test_random_mlps_and_their_morphs_build_and_stay_in_the_space(shape):
    space = MlpSearchSpace(shape, 10)
    rng = np.random.default_rng(sum(shape))
    for _ in range(150):
        arch = space.random_architecture(rng)
        assert space.out_of_schema(arch) == [] and 1 <= len(arch.architecture) <= 7
        morphs = space.produce_morphs(arch, rng)
        keys = [m.to_json() for m in morphs]
        assert morphs and len(set(keys)) == len(keys) and arch.to_json() not in keys
        for m in [arch] + [morphs[i] for i in rng.choice(len(morphs), 3, replace=False)]:
            assert space.out_of_schema(m) == []
            g = space.to_resource_graph(m)
            assert g.operators[-1].name == "classifier" and g.operators[-1].units == 10
            assert min(peak_memory_usage(g), model_size(g), macs(g)) > 0


def test_every_mlp_morphism_is_offered():
    space = MlpSearchSpace((28, 28, 1), 10)
    arch = MlpArchitecture([{"units": 100}, {"units": 254}])
    morphs = [m.architecture for m in space.produce_morphs(arch, np.random.default_rng(0))]
    assert sum(len(m) == 3 for m in morphs) == 3              # add a layer anywhere
    assert [{"units": 254}] in morphs and [{"units": 100}] in morphs
    firsts = {m[0]["units"] for m in morphs if len(m) == 2 and m[1]["units"] == 254}
    assert firsts == {95, 97, 99, 101, 103, 105}
    seconds = {m[1]["units"] for m in morphs if len(m) == 2 and m[0]["units"] == 100}
    assert seconds == {249, 251, 253, 255}                    # 257 and 259 are out of bounds


def test_pruned_units_are_dropped():
    arch = MlpArchitecture([{"units": 20}, {"units": 30}])
    w = {"dense": np.ones((28 * 28, 20)), "dense_1": np.ones((20, 30)), "classifier": np.ones((30, 10))}
    w["dense"][:, :4] = 0
    w["dense_1"][:, 10:] = 0
    g = arch.to_resource_graph((28, 28, 1), 10, pruned_weights=w)
    ops = {op.name: op for op in g.operators}
    assert ops["dense"].units == 16 and ops["dense_1"].units == 10
    assert ops["dense_1"].sparse_kernel_size == 16 * 10 and ops["classifier"].kernel.shape == (10, 10)


def test_to_dict_round_trips_and_bad_layers_are_rejected():
    arch = MlpSearchSpace((28, 28, 1), 10).random_architecture(np.random.default_rng(1))
    back = Architecture.from_dict(json.loads(json.dumps(arch.to_dict())))
    assert isinstance(back, MlpArchitecture) and back == arch
    assert arch.to_dict()["search_space"] == "mlp"
    with pytest.raises(ValueError, match=r"layers\[1\].units"):
        MlpArchitecture([{"units": 10}, {"units": 0}])
    with pytest.raises(ValueError, match="non-empty"):
        MlpArchitecture([])


def test_keras_mlp_matches_the_resource_graph():
    import keras
    space = MlpSearchSpace((28, 28, 1), 2, dropout=0.2)
    for seed in range(4):
        keras.backend.clear_session()
        arch = space.random_architecture(np.random.default_rng(seed))
        model = space.to_keras_model(arch)
        g = space.to_resource_graph(arch)
        for op in g.operators:
            assert tuple(model.get_layer(op.name).output.shape[1:]) == op.output.shape[1:]
        assert model.count_params() == model_size(g)
        assert model.output.shape[1:] == (1,)
        hidden = [l for l in model.layers if isinstance(l, keras.layers.Dense) and l.name != "classifier"]
        assert all(l.kernel_regularizer is not None and l.activation is keras.activations.relu
                   for l in hidden)
        assert model.get_layer("classifier").kernel_regularizer is None
        assert sum(isinstance(l, keras.layers.Dropout) for l in model.layers) == len(hidden) + 1
