"""resource_models.tflite_predict: the .tflite the export writes for an architecture, predicted from
its resource graph without converting, equals the real conversion's: the file's size in bytes, its
operators and tensors, and TFLM's arena head, tail, total and smallest arena on the three runtimes
(exactly; no tolerance). The export's canonical form (resource_models.tflite_canonical) computes
what the converter's model computes and does not depend on Keras's name counters or the
converter's operator order."""
import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from random_exports import RUNTIMES, _randomise, footprints, random_case  # noqa: E402
from resource_models.errors import ResourceModelError  # noqa: E402
from resource_models.tflite import read_tflite  # noqa: E402
from resource_models.tflite_canonical import exported  # noqa: E402
from resource_models.tflite_predict import (FOOTPRINT_KEYS, UnpredictableGraphError,  # noqa: E402
                                            _CACHE, deployed_footprint, predicted_tflite_model)

# (space, seed, structured pruning): seeds of random_exports.random_case; the seeds cycle through
# its input shapes (MNIST, CIFAR-10, Digits, Speech Commands, a binary task)
RANDOM_CASES = [(kind, seed, pruned) for kind in ("cnn", "mlp") for pruned in (False, True)
                for seed in (1, 2, 3)]


def _structure(model):
    """What a runtime reads of a TfliteModel (names aside): operators in order with their tensors'
    indices and options, and every tensor's shape, type, constness and quantisation channels."""
    return ([(op.name, op.inputs, op.outputs, op.options) for op in model.operators],
            [(t.shape, t.dtype, t.constant, t.variable, t.quant_channels) for t in model.tensors],
            model.inputs, model.outputs)


def _assert_predicted_equals_real(converted, graph):
    real = read_tflite(exported(converted)[0])
    _CACHE.clear()
    predicted = predicted_tflite_model(graph)
    assert _structure(predicted) == _structure(real)
    assert len(predicted.data) == len(real.data)
    want = footprints(real, RUNTIMES)
    for runtime in RUNTIMES:
        got = deployed_footprint(graph, *runtime)
        assert tuple(got) == FOOTPRINT_KEYS and all(type(v) is int for v in got.values())
        assert got == want[runtime], runtime
    return real


@pytest.mark.parametrize("kind,seed,pruned", RANDOM_CASES,
                         ids=[f"{k}-{s}{'-pruned' if p else ''}" for k, s, p in RANDOM_CASES])
def test_prediction_equals_the_real_conversion_on_random_architectures(kind, seed, pruned):
    case = random_case(kind, seed, pruned)
    assert case is not None, "pick a seed whose pruned export is the reduced-channel network"
    _, converted, graph = case
    _assert_predicted_equals_real(converted, graph)


def _rewrites_layout():
    """A network that needs every rewrite the converter makes: two branches that pool the input
    the same way (merged into one MAX_POOL_2D), an Add that zero-pads one input (PAD), an Add of
    1x1 maps with several channels (RESHAPE to rank 1) and one with a single channel (none), a
    one-channel depthwise filter, a 1x1 pooling and the flatten of a 1x1 map (none; the random CNNs flatten larger maps)."""
    from cnn.network import CLASSIFIER, Layout

    net = Layout((9, 9, 2))
    a = net.pool("input", (2, 2), "max")
    a = net.conv(a, 6, 3, 1, has_bn=True, has_relu=True)           # 3x3x6
    b = net.pool("input", (2, 2), "max")
    b = net.conv(b, 6, 2, 2, has_bn=False, has_relu=True)          # 2x2x6
    x = net.add([a, b])                                            # b zero-padded to 3x3
    c = net.conv(x, 5, 3, 1, has_bn=False, has_relu=True)          # 1x1x5
    d = net.dwconv(x, 3, 1, has_bn=True, has_relu=False)
    d = net.conv(d, 5, 1, 1)                                       # 1x1x5
    y = net.add([c, d])                                            # 1x1, 5 channels: RESHAPE
    e = net.conv(y, 1, 1, 1, has_relu=True)
    f = net.conv(y, 1, 1, 1)
    z = net.add([e, f])                                            # 1x1, 1 channel: no RESHAPE
    z = net.dwconv(z, 1, 1, has_relu=True)                        # a one-channel depthwise filter
    z = net.pool(z, (1, 1), "avg")
    z = net.dense(z, 7, activation="relu")                         # flatten of a 1x1 map
    net.dense(z, 3, name=CLASSIFIER)
    return net


def _converted_layout(layout, seed=0):
    from cnn.network import build_keras_model, build_resource_graph
    from utils import convert_to_tflite, quiet_conversion

    model = build_keras_model(layout)
    rng = np.random.default_rng(seed)
    _randomise(model, rng, 0.0)
    x = rng.normal(size=(8,) + layout.input_shape).astype(np.float32)
    converted = quiet_conversion(lambda: convert_to_tflite(model, x, num_representative=8))
    return model, converted, build_resource_graph(layout), x


@pytest.fixture(scope="module")
def rewrites():
    return _converted_layout(_rewrites_layout())


def test_prediction_models_each_rewrite_of_the_converter(rewrites):
    _, converted, graph, _ = rewrites
    real = _assert_predicted_equals_real(converted, graph)
    names = [op.name for op in real.operators]
    source = real.inputs[0]
    assert sum(op.name == "MAX_POOL_2D" and op.inputs == [source] for op in real.operators) == 1
    assert names.count("PAD") == 1 and names.count("AVERAGE_POOL_2D") == 1
    reshapes = [real.tensors[op.outputs[0]].shape for op in real.operators if op.name == "RESHAPE"]
    assert reshapes == [(5,)]
    assert names.count("ADD") == 3
    # the options a per-operator model reads (the prediction's equal the real file's, above)
    pool = next(op for op in real.operators if op.name == "AVERAGE_POOL_2D")
    assert pool.options == {"activation": "NONE", "same_padding": True, "stride": (1, 1),
                            "filter": (1, 1)}
    first = next(op for op in real.operators if op.name == "CONV_2D")
    assert first.options == {"activation": "RELU", "same_padding": False, "stride": (1, 1),
                             "dilation": (1, 1)}
    # the converter gives the one-channel depthwise filter quantised dimension 3 here (0 for other
    # weights); the export writes 0, what the prediction writes whatever the weights
    assert _one_channel_depthwise_dimensions(converted) == [3]
    assert _one_channel_depthwise_dimensions(exported(converted)[0]) == [0]


def _one_channel_depthwise_dimensions(data):
    from resource_models.tflite_schema import load_schema

    model = read_tflite(data)
    graph = load_schema().Model.GetRootAs(data, 0).Subgraphs(0)
    return [graph.Tensors(op.inputs[1]).Quantization().QuantizedDimension()
            for op in model.operators
            if op.name == "DEPTHWISE_CONV_2D" and model.tensors[op.inputs[1]].shape[-1] == 1]


def test_x86_prediction_equals_what_tflite_micro_measures(rewrites):
    from utils import tflm_arena_usage

    _, converted, graph, _ = rewrites
    usage = tflm_arena_usage(exported(converted)[0])
    got = deployed_footprint(graph)
    assert (got["arena_head_bytes"], got["arena_total_bytes"]) == (usage["head"], usage["total"])


def test_exported_model_computes_what_the_converters_model_computes(rewrites):
    from utils import tflm_predict

    _, converted, _, _ = rewrites
    xs = np.random.default_rng(3).normal(size=(6, 9, 9, 2)).astype(np.float32)
    written = exported(converted)[0]
    assert len(written) < len(converted)
    np.testing.assert_array_equal(tflm_predict(written, xs, raw=True),
                                  tflm_predict(converted, xs, raw=True))


def test_exported_file_does_not_depend_on_keras_name_counters(rewrites):
    """Converting the same model again (Keras's counters have moved on: the converter's tensor
    names differ) writes the same bytes."""
    from utils import convert_to_tflite, quiet_conversion

    model, converted, _, x = rewrites
    _converted_layout(_rewrites_layout(), seed=5)          # moves Keras's global name counters on
    again = quiet_conversion(lambda: convert_to_tflite(model, x, num_representative=8))
    assert again != converted
    assert exported(again)[0] == exported(converted)[0]


def test_exported_file_does_not_depend_on_the_converters_operator_order(rewrites):
    """The export starts from an operator order of the graph's structure: any valid order of the
    converter's operators gives the same file."""
    from resource_models.tflite_rewrite import reorder_operators

    _, converted, _, _ = rewrites
    model = read_tflite(converted)
    preds = model.predecessors()
    done, order = set(), []
    while len(order) < len(model.operators):      # the latest-listed ready operator first
        ready = [i for i in range(len(model.operators)) if i not in done and preds[i] <= done]
        order.append(ready[-1])
        done.add(ready[-1])
    assert order != model.stored_order
    assert exported(reorder_operators(converted, order))[0] == exported(converted)[0]


def test_an_operator_without_a_converted_form_is_a_one_line_error():
    from resource_models.graph import Graph
    from resource_models.ops import Conv2D, Dense, Input

    g = Graph()
    with g.as_current():
        x = Input((1, 8, 8, 1), name="input")
        g.add_output(Dense(4, preflatten_input=True, activation="softmax", name="head")(x))
    with pytest.raises(UnpredictableGraphError) as e:
        deployed_footprint(g)
    assert isinstance(e.value, ResourceModelError)
    assert "'head'" in str(e.value) and "softmax" in str(e.value) and "\n" not in str(e.value)

    g = Graph()
    with g.as_current():
        x = Input((2, 8, 8, 1), name="input")
        g.add_output(Conv2D(4, 3, padding="valid", name="conv")(x))
    with pytest.raises(UnpredictableGraphError, match="batch size 2"):
        deployed_footprint(g)

    g = Graph()
    with g.as_current():
        x = Input((1, 8, 8, 1), name="input")
        g.add_output(Conv2D(4, 3, padding="valid", name="conv")(x))
    with pytest.raises(ResourceModelError, match="cortex-m5"):
        deployed_footprint(g, target="cortex-m5")
