"""Pruning reaches the reported resource figures only through ``CandidateEvaluator``: it builds the
resource graph from the trainer's pruned kernels and measures the model size of unstructured
pruning with ``sparse=True``. A stand-in trainer applies known masks; the expected figures come from
an independent route: structured pruning of a chain network equals the same architecture with fewer
filters/units (unpruned), and unstructured pruning keeps peak memory and MACs and removes exactly the
zeroed weights from the model size."""
import copy

import keras
import numpy as np
import pytest

from cnn import CnnArchitecture, CnnSearchSpace
from config import PruningConfig, TrainingConfig
from dataset import Digits
from model_trainer import TrainingResult
from pruning import output_layers
from resource_models.models import macs, model_size, peak_memory_usage
from search_algorithms.evaluator import CandidateEvaluator
from search_algorithms.points import Point

SPACE = CnnSearchSpace(input_shape=(8, 8, 1), num_classes=10)


def conv(filters):
    return {"type": "Conv2D", "ker_size": 3, "filters": filters, "2x_stride": False,
            "has_prepool": False, "has_bn": False, "has_relu": True}


ARCH = {"conv_blocks": [{"is_branch": False, "layers": [conv(8), conv(6)]}],
        "pooling": None, "dense_blocks": [{"units": 12, "activation": "relu"}]}


def architecture(arch):
    return CnnArchitecture.from_dict({"search_space": "cnn", "architecture": arch})


def prunable_kernels(model):
    """The second Conv2D and the hidden Dense layer of the chain (by position, not by name)."""
    last = output_layers(model)
    convs = [l for l in model.layers if isinstance(l, keras.layers.Conv2D)
             and not isinstance(l, keras.layers.DepthwiseConv2D)]
    denses = [l for l in model.layers if isinstance(l, keras.layers.Dense) and l not in last]
    assert len(convs) == 2 and len(denses) == 1
    return convs[1], denses[0]


class KnownMasks:
    """A trainer that trains nothing and reports its model's kernels masked by ``mask_fn``."""

    def __init__(self, mask_fn):
        self.mask_fn = mask_fn
        self.zeroed = None

    def train_and_eval(self, model, epochs=None, sparsity=None):
        pruned, self.zeroed = {}, 0
        for layer in prunable_kernels(model):
            kernel = layer.kernel.numpy()
            masked = kernel * self.mask_fn(layer, kernel)
            layer.kernel.assign(masked)
            pruned[layer.name] = masked
            self.zeroed += int((masked == 0).sum() - (kernel == 0).sum())
        return TrainingResult(ok=True, val_error=0.25, test_error=0.3, pruned_weights=pruned,
                              epochs_run=1)


def evaluate(structured, mask_fn):
    trainer = KnownMasks(mask_fn)
    cfg = TrainingConfig(dataset=Digits(), optimizer=lambda: "sgd", epochs=2,
                         pruning=PruningConfig(structured=structured, start_pruning_at_epoch=0,
                                               finish_pruning_by_epoch=1))
    evaluator = CandidateEvaluator(SPACE, cfg, keep_weights=False,
                                   trainer_factory=lambda config, seed: trainer)
    point, _ = evaluator.evaluate(Point(id=0, arch=architecture(ARCH), sparsity=0.5))
    assert point.ok, point.error
    return point.resource_features, trainer


def figures(graph, sparse=False):
    return {"peak_memory_usage": peak_memory_usage(graph),
            "model_size": model_size(graph, sparse=sparse), "macs": macs(graph)}


DROPPED = {6: [1, 4], 12: [0, 2, 3, 7, 11]}       # output channels/units dropped per layer width


def test_structured_masks_give_the_figures_of_the_narrower_network():
    def drop_channels(layer, kernel):
        keep = np.ones(kernel.shape[-1])
        keep[DROPPED[kernel.shape[-1]]] = 0
        return np.broadcast_to(keep, kernel.shape)

    reported, _ = evaluate(structured=True, mask_fn=drop_channels)
    narrower = copy.deepcopy(ARCH)
    narrower["conv_blocks"][0]["layers"][1]["filters"] = 6 - len(DROPPED[6])
    narrower["dense_blocks"][0]["units"] = 12 - len(DROPPED[12])
    expected = figures(SPACE.to_resource_graph(architecture(narrower)))
    full = figures(SPACE.to_resource_graph(architecture(ARCH)))
    assert all(expected[k] < full[k] for k in ("model_size", "macs"))   # the oracle discriminates
    assert reported == expected


def test_unstructured_masks_shrink_only_the_sparse_model_size():
    rng = np.random.default_rng(0)

    def zero_40_percent(layer, kernel):
        mask = rng.random(kernel.shape) >= 0.4
        flat = mask.reshape(-1, kernel.shape[-1])
        flat[0, :] = True                              # no whole channel goes: shapes stay
        return flat.reshape(kernel.shape)

    reported, trainer = evaluate(structured=False, mask_fn=zero_40_percent)
    full = figures(SPACE.to_resource_graph(architecture(ARCH)))
    assert trainer.zeroed > 100
    bytes_per_weight = np.dtype(np.uint8).itemsize
    expected = dict(full, model_size=full["model_size"] - trainer.zeroed * bytes_per_weight)
    assert reported == expected


def test_without_pruning_the_figures_are_the_full_networks():
    cfg = TrainingConfig(dataset=Digits(), optimizer=lambda: "sgd", epochs=1)

    class NoPruning:
        def train_and_eval(self, model, epochs=None, sparsity=None):
            return TrainingResult(ok=True, val_error=0.25, test_error=0.3, epochs_run=1)

    evaluator = CandidateEvaluator(SPACE, cfg, keep_weights=False,
                                   trainer_factory=lambda config, seed: NoPruning())
    point, _ = evaluator.evaluate(Point(id=0, arch=architecture(ARCH)))
    assert point.ok and point.resource_features == figures(
        SPACE.to_resource_graph(architecture(ARCH)))
