"""Histograms of search-space features and their total variation distance (test helper).

Used by test_search_space_distributions.py and by the script that produced
test/data/original_search_space_histograms.json from the original μNAS (see
test/data/original_search_space.README.md). Works on plain architecture dicts, so the same code
describes architectures of the original and of this project.
"""
from collections import Counter
from typing import Dict, Iterable, List

FILTER_BIN = 16      # filters 1-128 in 8 bins
UNIT_BIN = 32        # units 10-256 in 8 bins


def cnn_features(archs: Iterable[dict]) -> Dict[str, Counter]:
    """Counts of each feature's values over CNN architecture dicts (keys as strings, for JSON)."""
    h = {name: Counter() for name in (
        "num_conv_blocks", "layers_per_block", "layer_type", "ker_size", "filters", "2x_stride",
        "has_bn", "has_relu", "has_prepool", "is_branch", "pooling_type", "pool_size",
        "num_dense_blocks", "dense_units")}
    for a in archs:
        blocks = a["conv_blocks"]
        h["num_conv_blocks"][str(len(blocks))] += 1
        for c, block in enumerate(blocks):
            h["layers_per_block"][str(len(block["layers"]))] += 1
            if c > 0:
                h["is_branch"][str(bool(block["is_branch"]))] += 1
            for layer in block["layers"]:
                h["layer_type"][layer["type"]] += 1
                if layer["type"] != "1x1Conv2D":
                    h["ker_size"][str(layer["ker_size"])] += 1
                    h["2x_stride"][str(bool(layer["2x_stride"]))] += 1
                if layer["type"] != "DWConv2D":
                    h["filters"][str((layer["filters"] - 1) // FILTER_BIN)] += 1
                for flag in ("has_bn", "has_relu", "has_prepool"):
                    h[flag][str(bool(layer[flag]))] += 1
        pooling = a["pooling"]
        h["pooling_type"]["none" if not pooling else pooling["type"]] += 1
        if pooling:
            h["pool_size"][str(pooling["pool_size"])] += 1
        h["num_dense_blocks"][str(len(a["dense_blocks"]))] += 1
        for d in a["dense_blocks"]:
            h["dense_units"][str((d["units"] - 10) // UNIT_BIN)] += 1
    return h


def mlp_features(archs: Iterable[List[dict]]) -> Dict[str, Counter]:
    h = {"mlp_num_layers": Counter(), "mlp_units": Counter()}
    for layers in archs:
        h["mlp_num_layers"][str(len(layers))] += 1
        for layer in layers:
            h["mlp_units"][str((layer["units"] - 10) // UNIT_BIN)] += 1
    return h


def tvd(p: Dict[str, int], q: Dict[str, int]) -> float:
    """Total variation distance between two histograms given as counts."""
    np_, nq = sum(p.values()), sum(q.values())
    return 0.5 * sum(abs(p.get(k, 0) / np_ - q.get(k, 0) / nq) for k in set(p) | set(q))
