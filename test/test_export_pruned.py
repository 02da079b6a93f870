"""Structured-pruned points are exported as the network with fewer channels: it computes what the
masked full-width network computes, and its TFLite model has the channel counts the search's
resource graph counted."""
import json

import numpy as np
import pytest

from random_exports import random_weights


def _branchy_layout():
    """conv (input-fed) -> two paths (conv | dwconv + 1x1 conv) -> Add -> pool -> dense -> classifier."""
    from cnn.network import CLASSIFIER, Layout

    net = Layout((12, 12, 3))
    a = net.conv("input", 8, 3, 1, has_bn=True, has_relu=True)
    b = net.conv(a, 6, 3, 1, has_bn=True, has_relu=True)
    c = net.dwconv(a, 3, 1, has_bn=True, has_relu=True)
    c = net.conv(c, 6, 1, 1, has_bn=True, has_relu=False)
    x = net.add([b, c])
    x = net.pool(x, (2, 2), "max")
    x = net.dense(x, 10, activation="relu")
    net.dense(x, 4, activation=None, name=CLASSIFIER)
    return net


def _masked_model(layout, zeroed, seed=0):
    """A Keras model of ``layout`` with random weights and batch-norm statistics whose listed output
    channels have all-zero kernels (their biases stay, as μNAS's structured pruning leaves them)."""
    from cnn.network import build_keras_model

    rng = np.random.default_rng(seed)
    model = build_keras_model(layout)
    for layer in model.layers:
        weights = random_weights(layer, rng)
        if not weights:
            continue
        if not layer.name.endswith("_bn"):
            for channel in zeroed.get(layer.name, ()):
                weights[0][..., channel] = 0.0
        layer.set_weights([w.astype(np.float32) for w in weights])
    return model


def test_reduced_network_computes_the_masked_network_and_has_the_counted_channels():
    from cnn.network import ChannelPruning, build_resource_graph
    from deploy import reduced_channel_model
    from pruning import prunable_layers

    layout = _branchy_layout()
    # channels 1 and 4 die in both paths into the Add; 5 only in one, so the Add keeps it
    zeroed = {"conv2d_1": [1, 4], "conv2d_2": [1, 4, 5], "dense": [2, 7]}
    model = _masked_model(layout, zeroed)
    reduced, reason = reduced_channel_model(model, layout)
    assert reason is None
    x = np.random.default_rng(1).normal(size=(32, 12, 12, 3)).astype(np.float32)
    full_out, reduced_out = np.asarray(model(x)), np.asarray(reduced(x))
    np.testing.assert_allclose(reduced_out, full_out, rtol=1e-4, atol=1e-4 * np.abs(full_out).max())

    kernels = {l.name: np.asarray(l.kernel) for l in prunable_layers(model, structured=True)}
    pruning = ChannelPruning(layout, kernels)
    widths = {l.name: l.output.shape[-1] for l in reduced.layers}
    assert widths["conv2d"] == 8 and widths["conv2d_1"] == widths["conv2d_2"] == 4
    assert widths["dw_conv2d"] == 8 and widths["dense"] == 8 and widths["classifier"] == 4
    for name in ("conv2d_1", "conv2d_2", "dense"):
        assert widths[name] == pruning.channels(name)
    # the resource figures the search reported for the pruned point are those of this network
    from deploy import reduced_layout
    from resource_models.models import macs, model_size, peak_memory_usage

    counted = build_resource_graph(layout, pruned_weights=kernels)
    exported = build_resource_graph(reduced_layout(layout, pruning))
    for figure in (peak_memory_usage, model_size, macs):
        assert figure(exported) == figure(counted)
    assert reduced.count_params() < model.count_params()


def test_dropped_channels_that_a_padded_add_makes_position_dependent_are_not_dropped_silently():
    """An Add zero-pads its smaller input: a dropped channel's fixed value then differs at the
    border, which no bias can fold; the reduction says so instead of changing the outputs."""
    from cnn.network import CLASSIFIER, Layout
    from deploy import reduced_channel_model

    net = Layout((11, 11, 3))
    a = net.conv("input", 6, 3, 1, has_bn=True, has_relu=True)          # 9 x 9
    b = net.conv(a, 4, 3, 1, has_bn=True, has_relu=True)                # 7 x 7
    c = net.conv(a, 4, 4, 1, has_bn=True, has_relu=True)                # 6 x 6, padded
    x = net.conv(net.add([b, c]), 5, 3, 1)
    net.dense(x, 3, activation=None, name=CLASSIFIER)
    model = _masked_model(net, {"conv2d_1": [2], "conv2d_2": [2]}, seed=3)
    reduced, reason = reduced_channel_model(model, net)
    assert reduced is None and "conv2d_3" in reason


@pytest.fixture(scope="module")
def pruned_export(tmp_path_factory):
    from deploy_state import tiny_pruned_digits_state
    from test_export import processor

    state = tiny_pruned_digits_state(tmp_path_factory)
    out = tmp_path_factory.mktemp("pruned_export") / "models"
    run = processor(state, "--export", out, "--points", "0")
    assert run.returncode == 0, run.stderr[-3000:]
    return state, out, json.loads((out / "summary.json").read_text())["models"]


def _kernel_elements(layout):
    from math import prod

    total = 0
    for layer in layout.layers:
        c_in = layout.shape(layer.inputs[0])
        if layer.kind == "conv":
            total += layer.params["kernel"] ** 2 * c_in[-1] * layer.shape[-1]
        elif layer.kind == "dwconv":
            total += layer.params["kernel"] ** 2 * c_in[-1]
        elif layer.kind == "dense":
            total += (prod(c_in) if layer.params["preflatten"] else c_in[-1]) * layer.shape[-1]
    return total


def test_a_structured_pruned_point_is_exported_with_the_channels_the_search_counted(pruned_export):
    import search_state_processor as ssp
    from cnn.network import ChannelPruning, build_resource_graph
    from dataset import Digits
    from deploy import reduced_layout
    from pruning import prunable_layers
    from resource_models.models import macs, model_size, peak_memory_usage
    from resource_models.tflite import read_tflite

    state_file, out, (entry,) = pruned_export
    state = ssp.load_search_state(state_file)
    point = state.points[0]
    masked = state.keras_model(point)
    layout = point.arch.layout(state.space.input_shape, state.space.num_classes)
    kernels = {l.name: np.asarray(l.kernel) for l in prunable_layers(masked, structured=True)}
    small = reduced_layout(layout, ChannelPruning(layout, kernels))
    assert _kernel_elements(small) < _kernel_elements(layout)       # channels really went
    # the search's figures for this point are those of the reduced network ...
    graph = build_resource_graph(small)
    rf = point.resource_features
    assert (peak_memory_usage(graph), model_size(graph), macs(graph)) == \
        (rf["peak_memory_usage"], rf["model_size"], rf["macs"])
    # ... and the exported TFLite model holds exactly its kernels
    model = read_tflite(out / entry["file"])
    weighted = [op for op in model.operators
                if op.name in ("CONV_2D", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED")]
    assert sum(model.tensors[op.inputs[1]].elements for op in weighted) == _kernel_elements(small)
    assert entry["pruning"].startswith("structured: reduced-channel network")
    assert entry["predicted_arena_head_bytes"] == entry["tflm_arena_head_bytes"]
    assert entry["predicted_arena_tail_bytes"] == entry["tflm_arena_tail_bytes"]
    assert entry["predicted_arena_total_bytes"] == entry["tflm_arena_total_bytes"]
    # the reduced network computes what the masked full-width network computes
    splits = Digits().splits()
    masked_accuracy = float(np.mean(np.asarray(masked(splits.x_test)).argmax(-1) == splits.y_test))
    assert entry["float_test_accuracy"] == pytest.approx(masked_accuracy, abs=1.5 / len(splits.y_test))
    assert abs(entry["int8_test_accuracy"] - entry["float_test_accuracy"]) <= 0.02
