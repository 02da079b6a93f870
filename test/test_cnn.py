"""The CNN search space as a specification: properties over thousands of random architectures and
their morphs (resource graphs only; Keras models are checked in test_cnn_keras.py)."""
import json
import subprocess
import sys

import numpy as np
import pytest

from architecture import Architecture
from cnn import CnnArchitecture, CnnSearchSpace
from cnn.cnn_schema import get_schema, schema_values
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


def test_random_generation_follows_the_seed_probabilities():
    space = CnnSearchSpace((28, 28, 1), 10)
    rng = np.random.default_rng(7)
    archs = [space.random_architecture(rng).architecture for _ in range(2000)]
    layers = [l for a in archs for b in a["conv_blocks"] for l in b["layers"]]
    relu = np.mean([l["has_relu"] for l in layers])
    prepool = np.mean([l["has_prepool"] for l in layers])
    pooling = np.mean([a["pooling"] is not None for a in archs])
    assert abs(relu - 0.9) < 0.02 and abs(prepool - 0.25) < 0.02 and abs(pooling - 0.9) < 0.02
    assert {len(a["conv_blocks"]) for a in archs} == set(range(1, 11))
    assert {len(b["layers"]) for a in archs for b in a["conv_blocks"]} == {1, 2, 3}
    assert {len(a["dense_blocks"]) for a in archs} == {1, 2, 3}
    assert {l["type"] for l in layers} == {"Conv2D", "1x1Conv2D", "DWConv2D"}
    assert {l["ker_size"] for l in layers} == {3, 5, 7}
    assert {a["pooling"]["pool_size"] for a in archs if a["pooling"]} == {2, 4, 6}


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
        keys = [m.to_json() for m in morphs]
        assert len(set(keys)) == len(keys) and arch.to_json() not in keys
        for m in morphs:
            assert m != arch
            assert space.out_of_schema(m) == [], m
            assert not m.architecture["conv_blocks"][0]["is_branch"]
        for i in rng.choice(len(morphs), size=8, replace=False):
            g = space.to_resource_graph(morphs[i])
            check_graph(g, shape)
            score(g)
            if [(op.name, type(op), op.params(), op.output.shape) for op in g.operators] == parent_network:
                # same resource graph: then batch norm or ReLU must differ
                assert morphs[i].layout(shape, 10).layers != arch.layout(shape, 10).layers


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


def test_every_morphism_of_the_seed_is_offered():
    base = cnn([(False, [layer("Conv2D", 3, 8), layer("DWConv2D", 5, 8)]),
                (True, [layer("1x1Conv2D", 3, 16)]),
                (False, [layer("Conv2D", 5, 20, stride=True)])],
               pooling={"type": "avg", "pool_size": 4}, dense=(40, 50))
    space = CnnSearchSpace((32, 32, 3), 10)
    morphs = space.produce_morphs(base, np.random.default_rng(0))
    a = base.architecture
    blocks = lambda m: m["conv_blocks"]
    l00 = lambda m: m["conv_blocks"][0]["layers"][0]
    assert find(morphs, lambda m: len(blocks(m)) == 4)                           # add block
    assert find(morphs, lambda m: len(blocks(m)) == 2)                           # remove block
    same_blocks = lambda m: len(blocks(m)) == 3 and all(
        len(b["layers"]) == len(c["layers"]) for b, c in zip(blocks(m), blocks(a)))
    assert find(morphs, lambda m: same_blocks(m) and not blocks(m)[1]["is_branch"])  # toggle branch
    assert find(morphs, lambda m: same_blocks(m) and blocks(m)[2]["is_branch"])
    assert find(morphs, lambda m: len(blocks(m)[0]["layers"]) == 3)              # add layer
    assert find(morphs, lambda m: len(blocks(m)[0]["layers"]) == 1)              # remove layer
    for field in ("has_bn", "has_relu", "has_prepool", "2x_stride"):             # toggles
        assert find(morphs, lambda m: l00(m)[field] != l00(a)[field]), field
    same = [m.architecture for m in morphs if same_blocks(m.architecture)
            and len(m.architecture["dense_blocks"]) == 2]
    assert {l00(m)["type"] for m in same} == {"Conv2D", "1x1Conv2D", "DWConv2D"}  # change type
    assert {l00(m)["filters"] for m in same} == {3, 5, 7, 8, 9, 11, 13}          # filters
    assert {l00(m)["ker_size"] for m in same} == {3, 5}                          # kernel +2 only
    assert find(morphs, lambda m: m["pooling"] is None)                          # pooling off
    assert find(morphs, lambda m: m["pooling"] == {"type": "max", "pool_size": 4})
    assert {m["pooling"]["pool_size"] for m in same if m["pooling"]} == {2, 4, 6}
    assert find(morphs, lambda m: len(m["dense_blocks"]) == 3)                   # dense add
    assert find(morphs, lambda m: len(m["dense_blocks"]) == 1)                   # dense remove
    assert {m["dense_blocks"][0]["units"] for m in same} == {35, 37, 39, 40, 41, 43, 45}  # units
    nopool = cnn([(False, [layer()])])
    assert find(space.produce_morphs(nopool, np.random.default_rng(0)),
                lambda m: m["pooling"] is not None)                              # pooling on


def test_morphs_that_change_nothing_are_left_out():
    space = CnnSearchSpace((28, 28, 1), 10)
    arch = cnn([(False, [layer("DWConv2D", 3, 8), layer("1x1Conv2D", 3, 8)])])
    types = lambda m: [[l["type"] for l in b["layers"]] for b in m["conv_blocks"]]
    same = lambda morphs: [m for m in morphs if types(m.architecture) == types(arch.architecture)]
    morphs = same(space.produce_morphs(arch, np.random.default_rng(0)))
    # filters of a DWConv2D and the kernel / stride of a 1x1Conv2D are unused
    assert not find(morphs, lambda m: m["conv_blocks"][0]["layers"][0]["filters"] != 8)
    assert not find(morphs, lambda m: m["conv_blocks"][0]["layers"][1]["ker_size"] != 3)
    assert not find(morphs, lambda m: m["conv_blocks"][0]["layers"][1]["2x_stride"])
    # without an input shape the space cannot tell, and offers them
    blind = CnnSearchSpace()
    assert find(same(blind.produce_morphs(arch, np.random.default_rng(0))),
                lambda m: m["conv_blocks"][0]["layers"][0]["filters"] != 8)


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
    for key in ("num-conv-blocks", "num-dense-blocks", "pooling-type", "pooling-size",
                "conv0-num-layers", "conv9-is-branch", "conv3-l2-filters", "conv0-l0-ker-size",
                "conv1-l1-type", "conv1-l1-2x-stride", "conv1-l1-has-prepool", "conv1-l1-has-bn",
                "conv1-l1-has-relu", "dense2-units"):
        assert key in schema, key
    values = schema_values(cnn([(False, [layer()])]).architecture)
    assert values["conv0-l0-filters"] == 8 and values["pooling-type"] is None


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
