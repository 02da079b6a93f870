"""Random architectures of the CNN and MLP spaces converted as the export converts them, beside the
resource graph the search builds for them: for test/test_tflite_predict.py and
benchmarks/bench_tflite_predict.py. Weights and batch-norm statistics are random (a trained
model's biases are not zero; an untrained Keras layer's are, and the converter can drop a zero
bias); a pruned case zeroes random output channels of random conv/dense kernels and exports the
reduced-channel network (deploy.reduced_channel_model), as a structured-pruning export does."""
import numpy as np

# (input shape, classes) of the datasets the configs use
SHAPES = [((28, 28, 1), 10), ((32, 32, 3), 10), ((8, 8, 1), 10), ((49, 40, 1), 12),
          ((28, 28, 1), 2)]


def random_weights(layer, rng) -> list:
    """Random values for ``layer``'s weights (a batch norm's: plausible statistics, variance > 0);
    ``[]`` for a layer without weights."""
    weights = layer.get_weights()
    if layer.name.endswith("_bn"):
        g, b, m, v = weights
        return [rng.uniform(0.5, 1.5, g.shape), rng.normal(0, 0.5, b.shape),
                rng.normal(0, 0.5, m.shape), rng.uniform(0.5, 2, v.shape)]
    return [rng.normal(0, 0.3, w.shape) for w in weights]


def _randomise(model, rng, zero_share: float):
    """Random weights; with ``zero_share`` > 0, that share of some conv/dense output channels
    zeroed (never the classifier's)."""
    from cnn.network import CLASSIFIER

    for layer in model.layers:
        weights = random_weights(layer, rng)
        if not weights:
            continue
        if not layer.name.endswith("_bn"):
            kind = type(layer).__name__
            if (zero_share and kind in ("Conv2D", "Dense") and layer.name != CLASSIFIER
                    and rng.random() < 0.7):
                channels = weights[0].shape[-1]
                dead = rng.random(channels) < zero_share
                weights[0][..., dead] = 0.0
        layer.set_weights([w.astype(np.float32) for w in weights])


def random_case(kind: str, seed: int, pruned: bool):
    """(description, converted flatbuffer, resource graph) of one random architecture, or None when
    structured pruning's export would keep the full width (a fold that is not spatially constant)."""
    from cnn import CnnSearchSpace
    from deploy import reduced_channel_model
    from mlp import MlpSearchSpace
    from pruning import prunable_layers
    from utils import convert_to_tflite, quiet_conversion

    rng = np.random.default_rng(seed)
    shape, classes = SHAPES[seed % len(SHAPES)]
    space = (CnnSearchSpace if kind == "cnn" else MlpSearchSpace)(shape, classes)
    arch = space.random_architecture(rng)
    model = space.to_keras_model(arch)
    _randomise(model, rng, rng.uniform(0.2, 0.6) if pruned else 0.0)
    pruned_weights = None
    if pruned:
        layout = arch.layout(shape, classes)
        pruned_weights = {l.name: np.asarray(l.kernel)
                          for l in prunable_layers(model, structured=True)}
        model, reason = reduced_channel_model(model, layout)
        if model is None:
            return None
    graph = space.to_resource_graph(arch, pruned_weights=pruned_weights)
    x = rng.normal(size=(8,) + shape).astype(np.float32)
    converted = quiet_conversion(lambda: convert_to_tflite(model, x, num_representative=8))
    name = f"{kind}{'-pruned' if pruned else ''} seed {seed} {shape}->{classes}"
    return name, converted, graph


def footprints(model, runtimes):
    """{runtime: figures} of a TfliteModel, as deployed_footprint reports them."""
    from resource_models.tflm_arena import arena_figures

    out = {}
    for target, kernels in runtimes:
        a = arena_figures(model, target, kernels)
        out[(target, kernels)] = {"tflite_bytes": len(model.data),
                                  "arena_head_bytes": a.head_bytes,
                                  "arena_tail_bytes": a.tail_bytes,
                                  "arena_total_bytes": a.total_bytes,
                                  "min_arena_bytes": a.min_arena_bytes}
    return out


RUNTIMES = [("x86-64", "reference"), ("cortex-m4", "reference"), ("cortex-m4", "cmsis-nn")]
