"""The CNN search space as a specification: properties over thousands of random architectures and
their morphs (resource graphs only; Keras models are checked in test_cnn_keras.py)."""
import json
import subprocess
import sys

import numpy as np
import pytest

from architecture import Architecture
from cnn import CnnArchitecture, CnnSearchSpace
from cnn.cnn_schema import LAYER_KEYS, get_schema, schema_values
from resource_models.models import inference_latency, macs, model_size, peak_memory_usage
from resource_models.ops import Add, Conv2D, Dense, DWConv2D, Pool

SHAPES = [(28, 28, 1), (32, 32, 3), (49, 40, 1), (8, 8, 1)]


def layer(type="Conv2D", ker_size=3, filters=8, stride=False, prepool=False, bn=False, relu=True):
    return {"type": type, "ker_size": ker_size, "filters": filters, "2x_stride": stride,
            "has_prepool": prepool, "has_bn": bn, "has_relu": relu}


def cnn(blocks, pooling=None, dense=(32,)):
    return CnnArchitecture({
        "conv_blocks": [{"is_branch": b, "layers": ls} for b, ls in blocks],
        "pooling": pooling, "dense_blocks": [{"units": u, "activation": "relu"} for u in dense]})


def check_graph(g, input_shape):
    """Structural facts every graph of the space satisfies."""
    for op in g.operators:
        x = op.inputs[0].shape
        if isinstance(op, (Conv2D, DWConv2D)):
            assert op._k[0] <= x[1] and op._k[1] <= x[2], f"{op.name}: kernel larger than the map"
            assert op.padding == "valid"
        if isinstance(op, Pool):
            assert op.pool_size != (1, 1) or op.output.consumers[0].__class__ is Dense
        if isinstance(op, Add):
            assert len(op.inputs) >= 2 and not op.all_equal_shape
    assert g.inputs[0].shape == (1, *input_shape)
    assert [op.name for op in g.operators][-1] == "classifier"
    assert len(g.outputs) == 1 and g.outputs[0].producer.name == "classifier"


def score(g):
    figures = (peak_memory_usage(g), model_size(g), macs(g), inference_latency(g, 1, 1))
    assert all(isinstance(f, int) and f > 0 for f in figures), figures
    return figures


# --- random architectures -------------------------------------------------------------------------
@pytest.mark.parametrize("shape", SHAPES)
def test_random_architectures_build_and_score(shape):
    space = CnnSearchSpace(shape, 10)
    rng = np.random.default_rng(sum(shape))
    for _ in range(500):
        arch = space.random_architecture(rng)
        assert space.out_of_schema(arch) == []
        assert not arch.architecture["conv_blocks"][0]["is_branch"]
        g = space.to_resource_graph(arch)
        check_graph(g, shape)
        score(g)


def test_random_generation_follows_the_originals_distributions():
    """ReLU 0.9, pre-pool 0.25, pooling 0.9, fair coins otherwise; upper bounds never drawn."""
    space = CnnSearchSpace((28, 28, 1), 10)
    rng = np.random.default_rng(7)
    archs = [space.random_architecture(rng).architecture for _ in range(2000)]
    layers = [l for a in archs for b in a["conv_blocks"] for l in b["layers"]]
    relu = np.mean([l["has_relu"] for l in layers])
    prepool = np.mean([l["has_prepool"] for l in layers])
    bn = np.mean([l["has_bn"] for l in layers])
    pooling = np.mean([a["pooling"] is not None for a in archs])
    branch = np.mean([b["is_branch"] for a in archs for b in a["conv_blocks"][1:]])
    assert abs(relu - 0.9) < 0.02 and abs(prepool - 0.25) < 0.02 and abs(pooling - 0.9) < 0.02
    assert abs(bn - 0.5) < 0.03 and abs(branch - 0.5) < 0.03
    assert {len(a["conv_blocks"]) for a in archs} == set(range(1, 10))
    assert {len(b["layers"]) for a in archs for b in a["conv_blocks"]} == {1, 2}
    assert {len(a["dense_blocks"]) for a in archs} == {1, 2}
    assert {l["type"] for l in layers} == {"Conv2D", "1x1Conv2D", "DWConv2D"}
    assert {l["ker_size"] for l in layers if "ker_size" in l} == {3, 5}
    assert {l["filters"] for l in layers if "filters" in l} == set(range(1, 128))
    assert {a["pooling"]["pool_size"] for a in archs if a["pooling"]} == {2, 4}
    assert max(d["units"] for a in archs for d in a["dense_blocks"]) == 255
    for l in layers:                                   # each type carries exactly its own keys
        assert tuple(sorted(l)) == tuple(sorted(LAYER_KEYS[l["type"]])), l


def test_generation_and_morphs_are_reproducible():
    space = CnnSearchSpace((32, 32, 3), 10)
    draw = lambda seed: [m.to_json() for m in space.produce_morphs(
        space.random_architecture(np.random.default_rng(seed)), np.random.default_rng(seed))]
    assert draw(3) == draw(3)
    assert draw(3) != draw(4)


# --- morphs ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("shape", SHAPES)
def test_morphs_differ_stay_in_schema_and_build(shape):
    space = CnnSearchSpace(shape, 10)
    rng = np.random.default_rng(100 + sum(shape))
    for _ in range(25):
        arch = space.random_architecture(rng)
        parent_network = [(op.name, type(op), op.params(), op.output.shape)
                          for op in space.to_resource_graph(arch).operators]
        morphs = space.produce_morphs(arch, rng)
        assert len(morphs) > 10
        built = arch.as_built(shape)
        assert [(op.name, type(op), op.params(), op.output.shape)
                for op in space.to_resource_graph(built).operators] == parent_network
        for m in morphs:
            assert m != built
            assert space.out_of_schema(m) == [], m
            assert not m.architecture["conv_blocks"][0]["is_branch"]
        for i in rng.choice(len(morphs), size=8, replace=False):
            g = space.to_resource_graph(morphs[i])
            check_graph(g, shape)
            score(g)


@pytest.mark.parametrize("shape", SHAPES)
def test_random_morph_walks_stay_valid(shape):
    """Thousands of architectures reached by chains of morphs, as aging evolution reaches them."""
    space = CnnSearchSpace(shape, 10)
    rng = np.random.default_rng(200 + sum(shape))
    for _ in range(4):
        arch = space.random_architecture(rng)
        for _ in range(20):
            child = space.random_morph(arch, rng)
            assert child != arch and space.out_of_schema(child) == []
            check_graph(space.to_resource_graph(child), shape)
            arch = child
        score(space.to_resource_graph(arch))


def find(morphs, predicate):
    return [m for m in morphs if predicate(m.architecture)]


def test_morph_list_is_the_originals():
    """The original's list: its order, its multiplicities, morphs that leave the network unchanged
    included."""
    base = cnn([(False, [layer("Conv2D", 3, 8), layer("DWConv2D", 5, 8)]),
                (True, [layer("1x1Conv2D", 3, 16)]),
                (False, [layer("Conv2D", 5, 20, stride=True)])],
               pooling={"type": "avg", "pool_size": 4}, dense=(40, 50))
    a = base.architecture
    space = CnnSearchSpace()
    morphs = [m.architecture for m in space.produce_morphs(base, np.random.default_rng(0))]
    # blocks 2, block 0: 2 + (3 + 2 + 6 + 1 + 1) + (3 + 2 + 2 + 1), block 1: 3 + (3 + 2 + 6),
    # block 2: 3 + (3 + 2 + 6 + 2 + 1), pooling 4, dense 2 + 6 + 6
    assert len(morphs) == 2 + 2 + 13 + 8 + 3 + 11 + 3 + 14 + 4 + 14 == 74
    assert len(morphs[0]["conv_blocks"]) == 2                              # remove a random block
    assert morphs[1]["conv_blocks"][:3] == a["conv_blocks"]                # add a 1-layer block at the end
    assert len(morphs[1]["conv_blocks"]) == 4 and len(morphs[1]["conv_blocks"][3]["layers"]) == 1
    assert len(morphs[2]["conv_blocks"][0]["layers"]) == 1                 # remove a random layer
    inserted = morphs[3]["conv_blocks"][0]["layers"]
    assert len(inserted) == 3 and inserted[2] == a["conv_blocks"][0]["layers"][1]   # never appended
    l00 = [m["conv_blocks"][0]["layers"][0] for m in morphs[4:17]]
    assert [l["has_bn"] for l in l00[:3]] == [True, False, False]
    assert [l["type"] for l in l00[3:5]] == ["1x1Conv2D", "DWConv2D"]       # regenerated layers
    assert [tuple(sorted(l)) for l in l00[3:5]] == [tuple(sorted(LAYER_KEYS[t]))
                                                   for t in ("1x1Conv2D", "DWConv2D")]
    assert [l["filters"] for l in l00[5:11]] == [3, 5, 7, 9, 11, 13]
    assert l00[11]["ker_size"] == 5 and l00[12]["2x_stride"]
    b1 = morphs[25:28]
    assert not b1[0]["conv_blocks"][1]["is_branch"]                        # toggle branch
    assert [len(m["conv_blocks"]) for m in b1[1:]] == [2, 3]               # remove block, add layer
    assert morphs[56]["pooling"] is None and morphs[57]["pooling"] == {"type": "max", "pool_size": 4}
    assert [m["pooling"]["pool_size"] for m in morphs[58:60]] == [2, 6]
    assert len(morphs[60]["dense_blocks"]) == 1 and len(morphs[61]["dense_blocks"]) == 3
    assert [m["dense_blocks"][0]["units"] for m in morphs[62:68]] == [35, 37, 39, 41, 43, 45]
    assert [m["dense_blocks"][1]["units"] for m in morphs[68:]] == [45, 47, 49, 51, 53, 55]
    assert all(m != a for m in morphs)
    nopool = cnn([(False, [layer()])])
    on = space.produce_morphs(nopool, np.random.default_rng(0))
    assert sum(m.architecture["pooling"] is not None for m in on) == 1      # pooling on
    assert on[0].architecture["conv_blocks"][0] == nopool.architecture["conv_blocks"][0]   # no removal


def test_block_removal_fixes_up_the_following_branch():
    space = CnnSearchSpace()
    arch = cnn([(False, [layer(filters=3)]), (False, [layer(filters=4)]), (True, [layer(filters=5)]),
                (True, [layer(filters=6)])])
    morphs = [m.architecture for m in space.produce_morphs(arch)]
    firsts = lambda m: [b["layers"][0].get("filters") for b in m["conv_blocks"]]
    branches = lambda m: [b["is_branch"] for b in m["conv_blocks"]]
    removed_1 = [m for m in morphs if firsts(m) == [3, 5, 6]]
    assert removed_1 and all(branches(m) == [False, False, True] for m in removed_1)
    removed_2 = [m for m in morphs if firsts(m) == [3, 4, 6]]
    assert removed_2 and all(branches(m) == [False, False, True] for m in removed_2)


def test_trained_parents_are_morphed_as_the_original_holds_them():
    """The original wrote a branch end's channel count into its dict whenever it built a network, so
    the parents it morphed carried it; a space that knows its input shape does the same."""
    arch = cnn([(False, [layer("Conv2D", 3, 8)]), (True, [layer("Conv2D", 3, 126)])])
    built = arch.as_built((28, 28, 1))
    assert built.architecture["conv_blocks"][1]["layers"][0]["filters"] == 8
    assert arch.architecture["conv_blocks"][1]["layers"][0]["filters"] == 126

    def filters(space):
        return {m.architecture["conv_blocks"][1]["layers"][0].get("filters")
                for m in space.produce_morphs(arch) if len(m.architecture["conv_blocks"]) == 2
                and m.architecture["conv_blocks"][1]["is_branch"]}
    assert {3, 5, 7, 9, 11, 13} <= filters(CnnSearchSpace((28, 28, 1), 10))
    assert {121, 123, 125, 127} <= filters(CnnSearchSpace())


def test_architectures_outside_the_space_are_not_morphed():
    space = CnnSearchSpace((28, 28, 1), 10)
    with pytest.raises(ValueError, match="conv0-l0-filters"):
        space.produce_morphs(cnn([(False, [layer(filters=500)])]), np.random.default_rng(0))
    with pytest.raises(ValueError, match="num-conv-blocks"):
        space.produce_morphs(cnn([(False, [layer()])] * 11), np.random.default_rng(0))


def test_removing_the_first_block_keeps_the_new_first_block_a_chain():
    space = CnnSearchSpace((28, 28, 1), 10)
    arch = cnn([(False, [layer()]), (True, [layer(filters=4)])])
    removed = find(space.produce_morphs(arch, np.random.default_rng(0)),
                   lambda m: len(m["conv_blocks"]) == 1)
    assert removed and all(not m.architecture["conv_blocks"][0]["is_branch"] for m in removed)


# --- how an architecture becomes a graph ----------------------------------------------------------
def ops_of(g):
    return {op.name: op for op in g.operators}


def test_branches_share_the_input_and_are_joined_by_pooling_and_one_add():
    arch = cnn([(False, [layer("Conv2D", 3, 16)]),
                (False, [layer("Conv2D", 3, 12)]),
                (True, [layer("Conv2D", 5, 99, stride=True)]),
                (True, [layer("DWConv2D", 3)])])
    g = arch.to_resource_graph((28, 28, 1), 10)
    ops = ops_of(g)
    # conv2d: 26x26x16 -> conv2d_1: 24x24x12; branches read conv2d's output too
    assert ops["conv2d_2"].inputs[0].name == "conv2d:0" and ops["dw_conv2d"].inputs[0].name == "conv2d:0"
    assert ops["conv2d_2"].filters == 12                      # the branch's last layer matches
    assert ops["conv2d_3"].inputs[0].name == "dw_conv2d:0"    # 1x1 conv after a branch-ending DW
    assert ops["conv2d_3"].filters == 12 and ops["conv2d_3"]._k == (1, 1)
    # conv2d_2: 11x11; conv2d_1 24x24 -> pool round(24/11) = 2 -> 12x12; dw 24x24 -> 12x12
    assert ops["pool"].inputs[0].name == "conv2d_1:0" and ops["pool"].pool_size == (2, 2)
    add = ops["add"]
    assert [t.name for t in add.inputs] == ["pool:0", "conv2d_2:0", "pool_1:0"]
    assert add.output.shape == (1, 12, 12, 12)


def test_kernels_and_pools_are_clipped_to_the_feature_map():
    arch = cnn([(False, [layer("Conv2D", 7, 4, stride=True), layer("Conv2D", 7, 4),
                         layer("DWConv2D", 7, prepool=True)])],
               pooling={"type": "max", "pool_size": 6})
    g = arch.to_resource_graph((8, 8, 1), 10)
    ops = ops_of(g)
    assert ops["conv2d"]._k == (7, 7) and ops["conv2d"].output.shape[1:3] == (1, 1)
    assert ops["conv2d_1"]._k == (1, 1)                 # clipped to the 1x1 map
    assert "pool_1" not in ops                          # no pre-pool on a 1x1 map
    assert ops["pool"].pool_size == (1, 1)              # global pool clipped, still there
    assert ops["dense"].inputs[0].name == "pool:0"


def test_a_1x1_conv_never_strides_and_batch_size_and_element_type_are_used():
    arch = cnn([(False, [layer("1x1Conv2D", 3, 4, stride=True)])])
    g = arch.to_resource_graph((28, 28, 1), 2, element_type=np.float32, batch_size=4)
    ops = ops_of(g)
    assert ops["conv2d"]._s == (1, 1) and ops["conv2d"].output.shape == (4, 28, 28, 4)
    assert ops["classifier"].units == 1 and g.element_size == 4
    assert model_size(g) == 4 * (1 * 4 + 4 + 28 * 28 * 4 * 32 + 32 + 32 + 1)


def test_graph_building_never_changes_the_architecture():
    space = CnnSearchSpace((32, 32, 3), 10)
    arch = space.random_architecture(np.random.default_rng(5))
    before = json.dumps(arch.architecture, sort_keys=True)
    space.to_resource_graph(arch)
    space.produce_morphs(arch, np.random.default_rng(0))
    assert json.dumps(arch.architecture, sort_keys=True) == before


# --- pruned weights -------------------------------------------------------------------------------
def kernels_of(layout):
    """All-ones kernels in Keras layout for every weighted layer of a layout."""
    out = {}
    for l in layout.layers:
        c_in = layout.shape(l.inputs[0])[-1]
        if l.kind == "conv":
            out[l.name] = np.ones((l.params["kernel"],) * 2 + (c_in, l.params["filters"]))
        elif l.kind == "dwconv":
            out[l.name] = np.ones((l.params["kernel"],) * 2 + (c_in, 1))
        elif l.kind == "dense":
            n = int(np.prod(layout.shape(l.inputs[0])))
            out[l.name] = np.ones((n, l.params["units"]))
    return out


def test_pruned_channels_are_dropped_and_sparse_sizes_counted():
    arch = cnn([(False, [layer("Conv2D", 3, 8), layer("DWConv2D", 3), layer("Conv2D", 3, 6)])],
               pooling={"type": "avg", "pool_size": 2}, dense=(20,))
    shape = (16, 16, 3)
    w = kernels_of(arch.layout(shape, 10))
    w["conv2d"][..., [1, 4, 5]] = 0            # 3 of 8 filters gone
    w["conv2d"][0, 0, 0, 0] = 0                # and one more weight
    w["dw_conv2d"][1, 1, 0, 0] = 0
    w["dense"][:, 5:] = 0                      # 15 of 20 units gone
    g = arch.to_resource_graph(shape, 10, pruned_weights=w)
    ops = ops_of(g)
    assert ops["conv2d"].filters == 5 and ops["conv2d"].sparse_kernel_size == 9 * 3 * 5 - 1
    assert ops["dw_conv2d"].output.shape[-1] == 5 and ops["dw_conv2d"].sparse_kernel_size == 9 * 5 - 1
    assert ops["conv2d_1"].kernel.shape == (3, 3, 5, 6) and ops["conv2d_1"].sparse_kernel_size == 9 * 5 * 6
    assert ops["dense"].units == 5
    assert ops["classifier"].kernel.shape == (5, 10) and ops["classifier"].sparse_kernel_size == 50
    dense = arch.to_resource_graph(shape, 10)
    assert model_size(g) < model_size(dense) and model_size(g, sparse=True) < model_size(g)


def test_pruning_keeps_channels_aligned_across_an_add():
    arch = cnn([(False, [layer("Conv2D", 3, 8)]), (True, [layer("Conv2D", 3, 8)])])
    w = kernels_of(arch.layout((12, 12, 1), 10))
    w["conv2d"][..., [0, 1, 2]] = 0            # branch 1 loses 0-2
    w["conv2d_1"][..., [2, 3]] = 0             # branch 2 loses 2-3: only channel 2 is dead in both
    g = arch.to_resource_graph((12, 12, 1), 10, pruned_weights=w)
    ops = ops_of(g)
    assert ops["conv2d"].filters == ops["conv2d_1"].filters == 7
    assert ops["add"].output.shape[-1] == 7
    # a fully pruned layer keeps one channel, so the graph still builds
    w["conv2d"][:] = 0
    w["conv2d_1"][:] = 0
    assert ops_of(arch.to_resource_graph((12, 12, 1), 10, pruned_weights=w))["add"].output.shape[-1] == 1


@pytest.mark.parametrize("shape", SHAPES)
def test_pruned_random_architectures_build_score_and_serialise(shape):
    from resource_models.serialization import graph_from_dict, graph_to_dict
    space = CnnSearchSpace(shape, 10)
    rng = np.random.default_rng(400 + sum(shape))
    for _ in range(40):
        arch = space.random_architecture(rng)
        w = kernels_of(arch.layout(shape, 10))
        for k in w.values():
            k *= rng.random(k.shape) < 0.5                     # unstructured
            k[..., rng.random(k.shape[-1]) < 0.3] = 0          # structured
        g = space.to_resource_graph(arch, pruned_weights=w)
        check_graph(g, shape)
        score(g)
        assert model_size(g, sparse=True) <= model_size(g) <= model_size(space.to_resource_graph(arch))
        assert graph_to_dict(graph_from_dict(graph_to_dict(g))) == graph_to_dict(g)


def test_pruned_weights_that_do_not_fit_are_errors():
    arch = cnn([(False, [layer("Conv2D", 3, 8)])])
    with pytest.raises(ValueError, match="conv2d_7"):
        arch.to_resource_graph((12, 12, 1), 10, pruned_weights={"conv2d_7": np.ones((3, 3, 1, 8))})
    with pytest.raises(ValueError, match="kernel shape"):
        arch.to_resource_graph((12, 12, 1), 10, pruned_weights={"conv2d": np.ones((3, 3, 2, 8))})


# --- serialisation, validation, imports -----------------------------------------------------------
def test_to_dict_round_trips_through_json():
    space = CnnSearchSpace((49, 40, 1), 12)
    rng = np.random.default_rng(11)
    for _ in range(50):
        arch = space.random_architecture(rng)
        d = json.loads(json.dumps(arch.to_dict()))
        assert d["search_space"] == "cnn"
        back = Architecture.from_dict(d)
        assert isinstance(back, CnnArchitecture) and back == arch and hash(back) == hash(arch)
        assert back.architecture is not arch.architecture


def test_schema_keys_are_named_like_unas():
    schema = get_schema()
    for key in ("num-conv-blocks", "num-dense-blocks", "pool-is-avg", "pool-size",
                "conv0-num-layers", "conv9-is-branch", "conv3-l2-filters", "conv0-l0-ker-size",
                "conv1-l1-type", "conv1-l1-2x-stride", "conv1-l1-has-pre-pool", "conv1-l1-has-bn",
                "conv1-l1-has-relu", "dense2-units"):
        assert key in schema and schema[key].name == key, key
    assert len(schema) == 1 + 10 * (2 + 3 * 7) + 2 + 1 + 3
    assert not schema["conv0-is-branch"].can_be_optional and schema["conv1-is-branch"].can_be_optional
    assert not schema["dense0-units"].can_be_optional and schema["dense1-units"].can_be_optional
    values = schema_values(cnn([(False, [layer()])], pooling={"type": "avg", "pool_size": 2}).architecture)
    assert values["conv0-l0-filters"] == 8 and values["pool-is-avg"] is True


def test_original_run_dicts_and_old_layouts_load():
    """A dict from an original μNAS run (bookkeeping keys, numpy scalars) and this project's older
    layout (every key on every layer) load; unused keys are dropped."""
    original = {"conv_blocks": [{"is_branch": False, "layers": [
        {"type": "1x1Conv2D", "filters": np.int64(5), "has_bn": np.bool_(True), "has_relu": np.bool_(False),
         "has_prepool": False, "_weights": ["conv2d/kernel:0", "conv2d/bias:0"]}]}],
        "pooling": None, "dense_blocks": [{"units": 20, "activation": "relu", "_weights": ["dense/kernel:0"]}],
        "_final_dense": {"units": 10, "activation": None, "_weights": ["dense_1/kernel:0"]}}
    arch = CnnArchitecture(original)
    assert arch.architecture == {"conv_blocks": [{"is_branch": False, "layers": [
        {"type": "1x1Conv2D", "filters": 5, "has_bn": True, "has_relu": False, "has_prepool": False}]}],
        "pooling": None, "dense_blocks": [{"units": 20, "activation": "relu"}]}
    assert "_weights" in original["conv_blocks"][0]["layers"][0]          # the input is not changed
    json.dumps(arch.to_dict())
    old = cnn([(False, [layer("DWConv2D", 3, 8)])])
    assert old.architecture["conv_blocks"][0]["layers"][0] == {
        "type": "DWConv2D", "ker_size": 3, "2x_stride": False, "has_prepool": False, "has_bn": False,
        "has_relu": True}


@pytest.mark.parametrize("mutate, field", [
    (lambda a: a["conv_blocks"][0].update(is_branch=True), "conv_blocks[0].is_branch"),
    (lambda a: a["conv_blocks"][0]["layers"][0].update(type="Conv3D"), "conv_blocks[0].layers[0].type"),
    (lambda a: a["conv_blocks"][0]["layers"][0].update(filters=0), "conv_blocks[0].layers[0].filters"),
    (lambda a: a["conv_blocks"][0]["layers"][0].pop("has_bn"), "conv_blocks[0].layers[0]"),
    (lambda a: a.update(pooling={"type": "sum", "pool_size": 2}), "pooling.type"),
    (lambda a: a["dense_blocks"][0].update(units=2.5), "dense_blocks[0].units"),
    (lambda a: a.update(conv_blocks=[]), "conv_blocks"),
])
def test_malformed_architectures_are_rejected_naming_the_field(mutate, field):
    d = cnn([(False, [layer()])]).to_dict()
    mutate(d["architecture"])
    with pytest.raises(ValueError) as e:
        Architecture.from_dict(d)
    assert field in str(e.value)


def test_importing_the_spaces_and_building_graphs_never_imports_tensorflow():
    code = ("import sys, numpy as np\n"
            "from cnn import CnnSearchSpace\nfrom mlp import MlpSearchSpace\n"
            "for s in (CnnSearchSpace((28, 28, 1), 10), MlpSearchSpace((28, 28, 1), 10)):\n"
            "    a = s.random_architecture(np.random.default_rng(0))\n"
            "    s.to_resource_graph(a); s.produce_morphs(a, np.random.default_rng(0))\n"
            "bad = [m for m in ('tensorflow', 'keras') if m in sys.modules]\n"
            "assert not bad, bad\n")
    root = __import__("os").path.dirname(__import__("os").path.dirname(__file__))
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root or ".")
