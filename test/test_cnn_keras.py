"""What is trained is what is measured: the Keras model of a CNN architecture has the resource graph's
layers, names, shapes and parameter count (a few dozen seeded architectures per input shape)."""
import numpy as np
import pytest

import keras

from cnn import CnnArchitecture, CnnSearchSpace           # noqa: E402
from resource_models.models import model_size             # noqa: E402
from resource_models.ops import Conv2D, Dense, DWConv2D   # noqa: E402

SHAPES = [(28, 28, 1), (32, 32, 3), (49, 40, 1), (8, 8, 1)]


def non_bn_params(model):
    bn = sum(l.count_params() for l in model.layers if isinstance(l, keras.layers.BatchNormalization))
    return model.count_params() - bn


def check_model_matches_graph(model, g):
    for op in g.operators:
        layer = model.get_layer(op.name)
        assert tuple(layer.output.shape[1:]) == op.output.shape[1:], op.name
    weighted = {l.name for l in model.layers
                if isinstance(l, (keras.layers.Conv2D, keras.layers.DepthwiseConv2D, keras.layers.Dense))}
    assert weighted == {op.name for op in g.operators if isinstance(op, (Conv2D, DWConv2D, Dense))}
    assert non_bn_params(model) == model_size(g)         # one byte per element


@pytest.mark.parametrize("shape", SHAPES)
def test_keras_models_match_their_resource_graphs(shape):
    space = CnnSearchSpace(shape, 10)
    rng = np.random.default_rng(300 + sum(shape))
    archs = []
    for _ in range(8):
        arch = space.random_architecture(rng)
        archs += [arch, space.random_morph(arch, rng)]
    for arch in archs:
        keras.backend.clear_session()
        model = space.to_keras_model(arch)
        g = space.to_resource_graph(arch)
        check_model_matches_graph(model, g)
        assert model.output.shape[1:] == (10,)
        assert model.get_layer("classifier").activation is keras.activations.linear


def branchy():
    conv = lambda t, k, f, s=False, p=False, bn=True: {
        "type": t, "ker_size": k, "filters": f, "2x_stride": s, "has_prepool": p, "has_bn": bn,
        "has_relu": True}
    return CnnArchitecture({
        "conv_blocks": [
            {"is_branch": False, "layers": [conv("Conv2D", 3, 8)]},
            {"is_branch": False, "layers": [conv("DWConv2D", 5, 1, s=True), conv("1x1Conv2D", 3, 12)]},
            {"is_branch": True, "layers": [conv("Conv2D", 3, 5, p=True)]},
            {"is_branch": True, "layers": [conv("DWConv2D", 3, 1, bn=False)]},
            {"is_branch": False, "layers": [conv("Conv2D", 3, 6)]}],
        "pooling": {"type": "avg", "pool_size": 2},
        "dense_blocks": [{"units": 16, "activation": "relu"}]})


def test_branches_are_padded_and_summed_and_the_model_runs():
    keras.backend.clear_session()
    arch = branchy()
    model = arch.to_keras_model((28, 28, 1), 2, dropout=0.25)
    g = arch.to_resource_graph((28, 28, 1), 2)
    check_model_matches_graph(model, g)
    names = [l.name for l in model.layers]
    assert any(n.startswith("add_pad") or "_pad" in n for n in names)   # zero-padding before Add
    assert "dense_dropout" in names and "classifier_dropout" in names
    assert model.output.shape[1:] == (1,)                              # 2 classes: one logit
    out = model(np.random.default_rng(0).random((3, 28, 28, 1), dtype=np.float32), training=False)
    assert out.shape == (3, 1) and np.all(np.isfinite(np.asarray(out)))


def test_no_dropout_layers_without_dropout_and_space_dropout_is_used():
    keras.backend.clear_session()
    arch = branchy()
    assert not any(isinstance(l, keras.layers.Dropout)
                   for l in arch.to_keras_model((28, 28, 1), 10).layers)
    model = CnnSearchSpace((28, 28, 1), 10, dropout=0.1).to_keras_model(arch)
    assert sum(isinstance(l, keras.layers.Dropout) for l in model.layers) == 2


def test_pruned_keras_kernels_map_onto_the_resource_graph():
    keras.backend.clear_session()
    arch = branchy()
    model = arch.to_keras_model((28, 28, 1), 10)
    weights = {}
    for layer in model.layers:
        # Keras 3: DepthwiseConv2D keeps its (k, k, channels, 1) kernel in .kernel as well
        if isinstance(layer, (keras.layers.Conv2D, keras.layers.DepthwiseConv2D, keras.layers.Dense)):
            k = np.array(layer.kernel.numpy())
        else:
            continue
        k[np.abs(k) < np.quantile(np.abs(k), 0.5)] = 0      # 50% unstructured sparsity
        weights[layer.name] = k
    weights["conv2d"][..., :3] = 0                         # and three filters of the first conv
    g = arch.to_resource_graph((28, 28, 1), 10, pruned_weights=weights)
    ops = {op.name: op for op in g.operators}
    assert ops["conv2d"].filters == 5
    assert ops["dw_conv2d"].kernel.shape == (5, 5, 5, 1)
    for name, op in ops.items():
        if name in weights and op.kernel.size == weights[name].size:
            assert op.sparse_kernel_size == np.count_nonzero(weights[name])
    assert model_size(g, sparse=True) < model_size(g) < model_size(arch.to_resource_graph((28, 28, 1), 10))
