"""Fidelity to the original μNAS: rebuild every CNN graph in shared/reference/resource_graphs.json.

Each reference record is a graph that the original μNAS built from a random architecture of its CNN
space. ``parse_cnn_record`` reads the architecture back from the graph (layer types, kernels,
strides, filters, pre-pooling, branches, pooling, dense units; batch norm and ReLU leave no trace in
a graph and are set arbitrarily), and ``CnnArchitecture.to_resource_graph`` must then rebuild the
record exactly: the same operators with the same names, types, parameters, inputs and output shapes,
and the same four figures. The one deliberate difference is the classifier's name: the original
called it ``dense_<n>``, here it is ``classifier`` (the contract with pruning), so it is renamed
before comparing.
"""
import json
import os

import pytest

from cnn import CnnArchitecture
from resource_models.models import inference_latency, macs, model_size, peak_memory_usage
from resource_models.serialization import graph_to_dict

from conftest import load_reference_records

CNN_RECORDS = load_reference_records("CnnSearchSpace")


# --- reading an architecture back from a graph --------------------------------------------------------
def _ker_size(k):
    """A kernel size of the space that clips to ``k`` (kernels 2 and 4 only arise from clipping)."""
    return next(s for s in (3, 5, 7) if s >= k)


def _layer(unit, channels_of):
    op, prepool = unit["op"], unit["prepool"]
    layer = {"type": "Conv2D", "ker_size": 3, "filters": 1, "2x_stride": op["stride"] == 2,
             "has_prepool": prepool, "has_bn": False, "has_relu": True}
    if op["op"] == "DWConv2D":
        layer.update(type="DWConv2D", ker_size=_ker_size(op["kernel_size"]),
                     filters=min(128, channels_of(op["output"])))
    elif op["kernel_size"] == 1 and op["stride"] == 1:
        layer.update(type="1x1Conv2D", filters=op["filters"])
    else:           # a Conv2D; kernel 1 with stride 2 is a kernel clipped on a 1-wide map
        layer.update(ker_size=_ker_size(op["kernel_size"]), filters=op["filters"])
    return layer


def _chunks(units, channels_of):
    """Blocks of at most three layers from a chain of layer units (block boundaries in a chain
    leave no trace in the graph)."""
    blocks = []
    for i in range(0, len(units), 3):
        blocks.append({"is_branch": False, "layers": [_layer(u, channels_of) for u in units[i:i + 3]]})
    return blocks


def parse_cnn_record(rec):
    """(architecture dict, input shape, number of classes) of a reference CNN record."""
    ops = rec["ops"]
    shapes = {rec["input"]["name"]: rec["input"]["shape"]}
    shapes.update({o["output"]: o["output_shape"] for o in ops})
    consumers = {}
    for o in ops:
        for t in o["inputs"]:
            consumers.setdefault(t, []).append(o)
    channels_of = lambda t: shapes[t][-1]

    dense = [o for o in ops if o["op"] == "Dense"]
    first_dense = ops.index(dense[0])
    conv_ops = ops[:first_dense]
    pooling = None
    if conv_ops and conv_ops[-1]["op"] == "Pool" and consumers[conv_ops[-1]["output"]] == [dense[0]]:
        gp = conv_ops.pop()
        pooling = {"type": gp["type"], "pool_size": next(s for s in (2, 4, 6) if s >= max(gp["pool_size"]))}

    # items: layer units (optional pre-pool + conv), join pools, adds
    items, i = [], 0
    while i < len(conv_ops):
        o = conv_ops[i]
        cons = consumers.get(o["output"], [])
        if o["op"] == "Pool" and cons and cons[0]["op"] in ("Conv2D", "DWConv2D"):
            assert cons == [conv_ops[i + 1]], o
            items.append({"kind": "unit", "op": conv_ops[i + 1], "prepool": True,
                          "input": o["inputs"][0], "output": conv_ops[i + 1]["output"]})
            i += 2
            continue
        if o["op"] in ("Conv2D", "DWConv2D"):
            items.append({"kind": "unit", "op": o, "prepool": False, "input": o["inputs"][0],
                          "output": o["output"]})
        elif o["op"] == "Pool":
            assert cons and cons[0]["op"] == "Add", o
            items.append({"kind": "joinpool", "op": o})
        else:
            assert o["op"] == "Add", o
            items.append({"kind": "add", "op": o})
        i += 1

    # regions between adds: runs of chained units
    blocks, region, regions = [], [], []
    for item in items:
        region.append(item)
        if item["kind"] == "add":
            regions.append(region)
            region = []
    regions.append(region)
    for region in regions:
        units = [it for it in region if it["kind"] == "unit"]
        runs = []
        for u in units:
            if runs and runs[-1][-1]["output"] == u["input"]:
                runs[-1].append(u)
            else:
                runs.append([u])
        if not runs:
            continue
        main, branches = runs[0], runs[1:]
        if not branches:
            assert region[-1]["kind"] != "add", "an add without branches"
            blocks += _chunks(main, channels_of)
            continue
        group_input = {b[0]["input"] for b in branches}
        assert len(group_input) == 1, f"branches read different tensors: {group_input}"
        group_input = group_input.pop()
        starts = [main[0]["input"]] + [u["output"] for u in main]
        k = starts.index(group_input)
        blocks += _chunks(main[:k], channels_of)
        assert len(main) - k <= 3, "a block of more than three layers"
        blocks += _chunks(main[k:], channels_of)
        for run in branches:
            if (len(run) >= 2 and run[-1]["op"]["op"] == "Conv2D" and run[-1]["op"]["kernel_size"] == 1
                    and run[-1]["op"]["stride"] == 1 and not run[-1]["prepool"]
                    and run[-2]["op"]["op"] == "DWConv2D"):
                run = run[:-1]          # the 1x1 conv that follows a branch-ending DWConv2D
            assert len(run) <= 3, "a branch block of more than three layers"
            blocks.append({"is_branch": True, "layers": [_layer(u, channels_of) for u in run]})

    arch = {"conv_blocks": blocks, "pooling": pooling,
            "dense_blocks": [{"units": o["units"], "activation": "relu"} for o in dense[:-1]]}
    return arch, tuple(rec["input"]["shape"][1:]), dense[-1]["units"]


def normalised(graph_dict, classifier_name):
    """graph_to_dict output in the reference's terms: the classifier renamed, and the batch-norm /
    activation annotations (which the reference format does not carry) left out."""
    rename = {"classifier": classifier_name, "classifier:0": f"{classifier_name}:0"}
    ops = []
    for op in graph_dict["ops"]:
        op = {k: v for k, v in op.items() if k not in ("activation", "batch_norm")}
        op["name"] = rename.get(op["name"], op["name"])
        op["output"] = rename.get(op["output"], op["output"])
        op["inputs"] = [rename.get(t, t) for t in op["inputs"]]
        ops.append(op)
    return {"input": graph_dict["input"], "ops": ops,
            "outputs": [rename.get(t, t) for t in graph_dict["outputs"]]}


@pytest.mark.parametrize("index", range(len(CNN_RECORDS)))
def test_reference_cnn_graph_is_rebuilt_exactly(index):
    rec = CNN_RECORDS[index]
    arch_dict, input_shape, num_classes = parse_cnn_record(rec)
    assert sum(b["is_branch"] for b in arch_dict["conv_blocks"]) == rec["num_branch_blocks"]
    arch = CnnArchitecture(arch_dict)
    g = arch.to_resource_graph(input_shape, num_classes)
    classifier_name = rec["ops"][-1]["name"]
    got = normalised(graph_to_dict(g), classifier_name)
    expected = {"input": rec["input"], "ops": rec["ops"], "outputs": rec["outputs"]}
    for i, (a, b) in enumerate(zip(got["ops"], expected["ops"])):
        assert a == b, f"op {i} differs:\n got      {a}\n expected {b}"
    assert got == expected
    assert peak_memory_usage(g) == rec["peak_memory_usage"]
    assert model_size(g) == rec["model_size"]
    assert macs(g) == rec["macs"]
    assert inference_latency(g, mem_access_weight=1, compute_weight=1) == rec["latency_mem1"]


def test_reference_covers_branches_and_clipping():
    """The records exercise what the rebuild must get right: branches, joins, clipped kernels."""
    parsed = [parse_cnn_record(r)[0] for r in CNN_RECORDS]
    assert sum(any(b["is_branch"] for b in a["conv_blocks"]) for a in parsed) >= 30
    assert any(o["op"] == "Pool" and o["pool_size"][0] != o["pool_size"][1]
               for r in CNN_RECORDS for o in r["ops"])


def test_all_reference_cnn_and_mlp_records_are_replayed():
    assert len(CNN_RECORDS) == 60 and len(load_reference_records("MlpSearchSpace")) == 5
