"""resource_models: the reference figures of the original μNAS, the graph API, errors for bad input,
DOT export, serialisation, and independence from TensorFlow.

The exactness of the peak-memory search against brute force over all operator orders is in
test_resource_models_schedule.py; its speed is measured by benchmarks/bench_resource_models.py.
"""
import json
import os
import subprocess
import sys
import threading

import numpy as np
import pytest

from resource_models import dot, models, schedule
from resource_models.errors import GraphError, ResourceModelError, ShapeError
from resource_models.graph import Graph, current_graph
from resource_models.models import (execution_order, inference_latency, macs, model_size,
                                    peak_memory_usage)
from resource_models.ops import Add, Conv2D, Dense, DWConv2D, Input, Pool
from resource_models.serialization import graph_from_dict, graph_to_dict

from conftest import ROOT, load_reference_records

RECORDS = load_reference_records()



def replay_peak(g, order, exclude_weights=True, exclude_inputs=True):
    """Peak bytes of running `order`, by explicit simulation of the memory model (independent of
    resource_models.schedule): before each operator, sum every tensor produced (or constant) that
    an operator not yet run still reads or that is a graph output; add the output, minus the input
    an Add overwrites in place."""
    outputs = set(g.outputs)
    esize = g.element_size
    counted = [t for t in g.tensors
               if t.producer is not None or not (exclude_weights if t.is_weight else exclude_inputs)]
    done = set()

    def resident():
        return sum(t.size * esize for t in counted
                   if (t.producer is None or t.producer in done)
                   and (t in outputs or any(c not in done for c in t.consumers)))

    peak = resident()
    for op in order:
        assert op not in done, f"{op.name} runs twice"
        assert all(t.producer is None or t.producer in done for t in op.inputs), f"{op.name} runs early"
        saving = 0
        if isinstance(op, Add):
            for t in set(op.inputs):
                if (t.producer is not None and t.shape == op.output.shape and t not in outputs
                        and [c for c in t.consumers if c not in done] == [op]):
                    saving = max(saving, t.size * esize)
        peak = max(peak, resident() + op.output.size * esize - saving)
        done.add(op)
    assert done == set(g.operators), "the order misses operators"
    return peak


# --- the reference figures ---------------------------------------------------------------------------
def test_reference_file_has_65_graphs():
    assert len(RECORDS) == 65


@pytest.mark.parametrize("index", range(len(RECORDS)))
def test_reference_figures(index):
    """All four figures of every reference graph, exactly; and the execution order attains the peak."""
    record = RECORDS[index]
    g = graph_from_dict(record)
    assert peak_memory_usage(g) == record["peak_memory_usage"]
    assert model_size(g) == record["model_size"]
    assert macs(g) == record["macs"]
    assert inference_latency(g, mem_access_weight=1, compute_weight=1) == record["latency_mem1"]
    order = execution_order(g)
    assert sorted(op.name for op in order) == sorted(op.name for op in g.operators)
    assert replay_peak(g, order) == record["peak_memory_usage"]


def test_reference_figures_without_search_shortcuts():
    """The branchiest reference graphs give the same peak with the search's shortcuts switched off
    (fork solver, forest closure) and with no module merging."""
    branchy = sorted(range(len(RECORDS)), key=lambda i: -RECORDS[i]["num_branch_blocks"])[:6]
    for i in branchy:
        g = graph_from_dict(RECORDS[i])
        for kw in (dict(forks=False), dict(close=False), dict(merge=False, forks=False)):
            peak, order = schedule.optimal_schedule(g, **kw)
            assert peak == RECORDS[i]["peak_memory_usage"], (i, kw)
            assert replay_peak(g, order) == peak


# --- figures of small hand-made graphs ------------------------------------------------------------------
def _chain():
    g = Graph(np.uint8)
    with g.as_current():
        x = Input((1, 8, 8, 1))
        y = Conv2D(4, 3, name="c1")(x)                 # 6x6x4 = 144
        y = Pool(2, name="p")(y)                        # 3x3x4 = 36
        y = Dense(10, preflatten_input=True, name="fc")(y)
        g.add_output(y)
    return g


def test_figures_of_a_chain():
    g = _chain()
    # peak: c1 running with its output (input excluded) = 144, p: 144 + 36 = 180, fc: 36 + 10
    assert peak_memory_usage(g) == 180
    assert peak_memory_usage(g, exclude_inputs=False) == 64 + 144
    weights = (3 * 3 * 1 * 4 + 4) + (36 * 10 + 10)
    assert model_size(g) == weights
    assert peak_memory_usage(g, exclude_weights=False) == weights + 144      # all weights resident at c1
    assert macs(g) == 144 * 9 + 36 * 4 + 10 * 36
    assert inference_latency(g) == macs(g)
    loads = 2 * 144 * 9 + 144 + 36 * 4 + 2 * 360 + 10
    assert inference_latency(g, mem_access_weight=1, compute_weight=0) == loads
    assert [op.name for op in execution_order(g)] == ["c1", "p", "fc"]


def test_element_type_scales_bytes():
    g8, g32 = Graph(element_type=np.uint8), Graph(element_type=np.float32)
    for g in (g8, g32):
        with g.as_current():
            x = Input((1, 5, 5, 2))
            g.add_output(DWConv2D(3)(x))
    assert peak_memory_usage(g32) == 4 * peak_memory_usage(g8) == 4 * 50
    assert model_size(g32) == 4 * model_size(g8) == 4 * (9 * 2 + 2)


def test_add_in_place_and_zero_padded():
    g = Graph(np.uint8)
    with g.as_current():
        x = Input((1, 4, 4, 2))
        a = Conv2D(2, 1, name="a")(x)                               # 32 bytes
        b = Conv2D(2, 1, name="b")(x)                               # 32
        s = Add(name="s")([a, b])                                   # in place: 32 + 32
        c = Conv2D(2, 3, name="c")(s)                               # 2x2x2 = 8
        t = Add(all_equal_shape=False, name="t")([s, c])            # c zero-padded to 4x4x2
        g.add_output(t)
    assert t.shape == (1, 4, 4, 2)
    # a and b resident, s written into one of them: 64; then c: s + c = 40; t overwrites s: 40
    assert peak_memory_usage(g) == 64
    assert replay_peak(g, execution_order(g)) == 64
    # with a kept as a graph output s can only go into b (64), and a stays: c runs with a + s + c = 72
    g.add_output(a)
    assert peak_memory_usage(g) == 72
    # with b an output too, s cannot go in place: a + b + s = 96, then c: 104, t (into s): 104
    g.add_output(b)
    assert peak_memory_usage(g) == 104
    assert replay_peak(g, execution_order(g)) == 104


def test_sparse_model_size():
    g = Graph(np.uint8)
    with g.as_current():
        x = Input((1, 6))
        y = Dense(4, sparse_kernel_size=5, name="d")(x)
        g.add_output(y)
    assert model_size(g) == 24 + 4
    assert model_size(g, sparse=True) == 5 + 4


def test_batch_norm_adds_no_weights():
    sizes = []
    for bn in (False, True):
        g = Graph(np.uint8)
        with g.as_current():
            g.add_output(Conv2D(3, 3, batch_norm=bn)(Input((1, 5, 5, 2))))
        sizes.append(model_size(g))
    assert sizes[0] == sizes[1] == 3 * 3 * 2 * 3 + 3


def test_several_outputs_and_cache_invalidation():
    g = Graph(np.uint8)
    with g.as_current():
        x = Input((1, 4, 4, 1))
        a = Conv2D(8, 1, name="a")(x)                     # 128
        b = Pool(2, name="b")(a)                          # 32
        g.add_output(b)
    assert peak_memory_usage(g) == 160
    g.add_output(a)                                       # a now stays resident to the end
    assert peak_memory_usage(g) == 160
    with g.as_current():
        c = Conv2D(4, 1, name="c")(b)                     # 16, while a and b stay
        g.add_output(c)
    assert peak_memory_usage(g) == 128 + 32 + 16


# --- the graph API -----------------------------------------------------------------------------------
def test_names_are_keras_like_and_explicit_names_kept_or_suffixed():
    g = Graph(np.uint8)
    with g.as_current():
        x = Input((1, 8, 8, 1))
        a = Conv2D(2, 3)(x)
        b = Conv2D(2, 3)(a)
        c = Conv2D(2, 1, name="classifier")(b)
        g.add_output(c)
    assert [op.name for op in g.operators] == ["conv2d", "conv2d_1", "classifier"]
    assert a.name == "conv2d:0" and a.producer is g.operators[0] and a.consumers == [g.operators[1]]
    with g.as_current():                   # a used name gets a suffix, as in the original
        assert Conv2D(2, 1, name="classifier")(c).name == "classifier_1:0"


def test_shapes_follow_keras():
    g = Graph(np.uint8)
    with g.as_current():
        x = Input((1, 49, 40, 1))
        assert Conv2D(3, 5, stride=2)(x).shape == (1, 23, 18, 3)           # valid: floor((n-k)/s)+1
        assert Conv2D(3, 5, stride=2, padding="same")(x).shape == (1, 25, 20, 3)
        assert DWConv2D(3, stride=2)(x).shape == (1, 25, 20, 1)            # same by default
        assert Pool(3)(x).shape == (1, 17, 14, 1)                           # ceil(n/p)
        assert Pool((2, 4), type="avg")(x).shape == (1, 25, 10, 1)
        assert Dense(7)(x).shape == (1, 49, 40, 7)                          # last axis
        assert Dense(7, preflatten_input=True)(x).shape == (1, 7)
        y = Conv2D(2, 3)(x)
        assert Add(all_equal_shape=False)([y, Pool(2)(y)]).shape == (1, 47, 38, 2)


def test_nested_graph_contexts_and_threads():
    outer, inner = Graph(np.uint8, name="outer"), Graph(np.uint8, name="inner")
    with outer.as_current():
        assert current_graph() is outer
        with inner.as_current():
            assert current_graph() is inner
        assert current_graph() is outer
    with pytest.raises(GraphError):
        current_graph()
    seen = []

    def build():
        g = Graph(np.uint8, name="thread")
        with g.as_current():
            x = Input((1, 3, 3, 1))
            g.add_output(Conv2D(1, 3)(x))
        seen.append(peak_memory_usage(g))

    threads = [threading.Thread(target=build) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == [1, 1, 1, 1]


# --- errors for bad input ----------------------------------------------------------------------------
def test_kernel_larger_than_input_names_op_and_tensor():
    g = Graph(np.uint8)
    with g.as_current():
        x = Input((1, 4, 4, 1), name="image")
        with pytest.raises(ShapeError, match=r"Conv2D 'big' applied to 'image'.*kernel size 5 is larger"):
            Conv2D(3, 5, name="big")(x)
        with pytest.raises(ShapeError, match=r"DWConv2D 'dw'.*'image'"):
            DWConv2D(7, padding="valid", name="dw")(x)
        with pytest.raises(ShapeError, match=r"Pool 'p'.*4-D"):
            Pool(2, name="p")(Dense(3, preflatten_input=True)(x))


def test_add_of_mismatched_shapes_names_op_and_tensors():
    g = Graph(np.uint8)
    with g.as_current():
        x = Input((1, 4, 4, 2), name="image")
        p = Pool(2, name="half")(x)
        with pytest.raises(ShapeError, match=r"Add 'join' applied to 'image' .*'half:0'.*same shape"):
            Add(name="join")([x, p])
        c = Conv2D(3, 1, name="three")(x)
        with pytest.raises(ShapeError, match=r"Add 'padded'.*'three:0'.*channels"):
            Add(all_equal_shape=False, name="padded")([x, c])
        with pytest.raises(ShapeError, match="at least two inputs"):
            Add()([x])


def test_op_outside_graph_context():
    with pytest.raises(GraphError, match="Input: no current graph"):
        Input((1, 4, 4, 1))
    g = Graph(np.uint8)
    with g.as_current():
        x = Input((1, 4, 4, 1), name="image")
    conv = Conv2D(2, 1, name="late")
    with pytest.raises(GraphError, match=r"Conv2D 'late': no current graph.*as_current"):
        conv(x)


def test_tensor_of_another_graph():
    a, b = Graph(np.uint8, name="a"), Graph(np.uint8, name="b")
    with a.as_current():
        x = Input((1, 4, 4, 1), name="x")
    with b.as_current():
        with pytest.raises(GraphError, match="'x' belongs to graph 'a'"):
            Conv2D(1, 1)(x)
    with pytest.raises(GraphError, match="belongs to graph 'a'"):
        b.add_output(x)


def test_graph_without_outputs():
    g = Graph(np.uint8, name="empty")
    with g.as_current():
        Conv2D(1, 1)(Input((1, 2, 2, 1)))
    for figure in (peak_memory_usage, model_size, macs, inference_latency, execution_order):
        with pytest.raises(GraphError, match="graph 'empty' has no outputs"):
            figure(g)


def test_bad_parameters():
    with pytest.raises(ShapeError, match="filters must be a positive integer"):
        Conv2D(0, 3)
    with pytest.raises(ShapeError, match="padding must be"):
        Conv2D(2, 3, padding="full")
    with pytest.raises(ShapeError, match="type must be"):
        Pool(2, type="sum")
    g = Graph(np.uint8)
    with g.as_current():
        with pytest.raises(ShapeError, match="shape must be positive"):
            Input((1, 0, 3, 1))
        x = Input((1, 3))
        with pytest.raises(ShapeError, match="sparse_kernel_size 99 exceeds"):
            Dense(2, sparse_kernel_size=99)(x)
        conv = Dense(2)
        conv(x)
        with pytest.raises(GraphError, match="already been applied"):
            conv(x)


def test_errors_are_value_errors():
    assert issubclass(ShapeError, ResourceModelError) and issubclass(GraphError, ResourceModelError)
    assert issubclass(ResourceModelError, ValueError)


# --- DOT export and serialisation --------------------------------------------------------------------
def _branchy_graph():
    g = Graph(np.uint8, name="branchy")
    with g.as_current():
        x = Input((1, 9, 9, 2), name="image")
        s = Conv2D(4, 3, name="stem")(x)
        paths = [Conv2D(4, 1, name="p0")(s), Pool(2, name="p1")(DWConv2D(3, name="d1")(s)),
                 Conv2D(4, 3, name="p2")(s)]
        y = Add(all_equal_shape=False, name="join")(paths)
        y = Dense(3, preflatten_input=True, name="head")(y)
        g.add_output(y)
        g.add_output(s)
    return g


def test_dot_export_has_every_op_and_edge():
    g = _branchy_graph()
    text = g.to_dot()
    assert text == dot.to_dot(g) and text.startswith('digraph "branchy" {') and text.rstrip().endswith("}")
    for op in g.operators:
        assert f'  "{op.name}" [label="{op.name}\\n{type(op).__name__}(' in text
    heads = [line.split(" [")[0] for line in text.splitlines()]
    edges = {tuple(part.strip().strip('"') for part in head.split(" -> ")) for head in heads if " -> " in head}
    expected = {("in:image", "stem"), ("stem", "out:stem:0"), ("head", "out:head:0")}
    for op in g.operators:
        for t in op.inputs:
            expected.add(("in:" + t.name if t.producer is None else t.producer.name, op.name))
    assert edges == expected
    assert '  "stem" -> "p0" [label="1x7x7x4 (196 B)"];' in text


def test_serialization_round_trip():
    g = _branchy_graph()
    record = graph_to_dict(g)
    again = graph_from_dict(json.loads(json.dumps(record)))
    assert graph_to_dict(again) == record
    for figure in (peak_memory_usage, model_size, macs):
        assert figure(again) == figure(g)
    wide = Graph(element_type=np.float32)
    with wide.as_current():
        wide.add_output(Dense(2, sparse_kernel_size=3, name="d")(Input((1, 4), name="v")))
    back = graph_from_dict(graph_to_dict(wide))
    assert back.element_size == 4 and model_size(back, sparse=True) == model_size(wide, sparse=True)


def test_reference_records_round_trip():
    for record in RECORDS[::8]:
        g = graph_from_dict(record)
        again = graph_to_dict(g)
        assert [op["name"] for op in again["ops"]] == [op["name"] for op in record["ops"]]
        assert graph_to_dict(graph_from_dict(again)) == again


def test_serialization_errors():
    with pytest.raises(ResourceModelError, match="unknown op type 'Lstm'"):
        graph_from_dict({"input": {"name": "x", "shape": [1, 3]}, "outputs": [],
                         "ops": [{"name": "l", "op": "Lstm", "inputs": ["x"], "output": "l:0"}]})
    with pytest.raises(ResourceModelError, match="unknown input tensor 'y'"):
        graph_from_dict({"input": {"name": "x", "shape": [1, 3]}, "outputs": [],
                         "ops": [{"name": "d", "op": "Dense", "units": 2, "inputs": ["y"],
                                  "output": "d:0"}]})
    with pytest.raises(ResourceModelError, match="inferred output shape"):
        graph_from_dict({"input": {"name": "x", "shape": [1, 3]}, "outputs": ["d:0"],
                         "ops": [{"name": "d", "op": "Dense", "units": 2, "inputs": ["x"],
                                  "output": "d:0", "output_shape": [1, 5]}]})


# --- independence from TensorFlow ----------------------------------------------------------------------
def test_importing_and_computing_never_loads_tensorflow():
    code = """
import sys
import numpy as np
import resource_models, resource_models.dot, resource_models.serialization
from resource_models.graph import Graph
from resource_models.ops import Add, Conv2D, Dense, DWConv2D, Input, Pool
from resource_models.models import peak_memory_usage, model_size, macs, inference_latency, execution_order
g = Graph(element_type=np.uint8)
with g.as_current():
    x = Input((1, 8, 8, 1))
    a = Conv2D(2, 3)(x)
    b = Pool(2)(DWConv2D(3)(a))
    y = Add(all_equal_shape=False)([a, Conv2D(2, 1)(b)])
    g.add_output(Dense(3, preflatten_input=True)(y))
print(peak_memory_usage(g), model_size(g), macs(g), inference_latency(g, 1, 1), len(execution_order(g)))
g.to_dot()
resource_models.serialization.graph_from_dict(resource_models.serialization.graph_to_dict(g))
print(sorted(m for m in ("tensorflow", "keras") if m in sys.modules))
"""
    env = dict(os.environ, PYTHONPATH=ROOT)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_script_written_for_the_original_resource_models_runs_unchanged(tmp_path):
    """Calls the original μNAS accepted: float32 by default, ``add_output`` / ``add_input`` with a
    tensor or a list, dict-style ``tensors`` / ``operators``, ``macs`` / ``inference_latency`` of
    an operator or a list of them, ``Dense(units, preflatten_input, use_bias, batch_norm, ...)``,
    ``dot_export.to_dot(g, output_file)``."""
    from resource_models.dot_export import to_dot
    from resource_models.models import inference_latency, macs, model_size, peak_memory_usage
    g = Graph()
    with g.as_current():
        x = Input(shape=(1, 32, 32, 3))
        y = Conv2D(filters=5, kernel_size=3, stride=1)(x)
        z = DWConv2D(kernel_size=3, padding="valid", batch_norm=True, activation="relu")(y)
        p = Pool(pool_size=2, type="max")(z)
        s = Add(all_equal_shape=False)([p, Pool(4, "avg")(y)])
        d = Dense(10, True, True, False, None)(s)
        g.add_output([d])
        g.add_input(x)
    assert g.element_size == 4 and x.elem_size == 4
    assert list(g.operators.keys()) == ["conv2d", "dw_conv2d", "pool", "pool_1", "add", "dense"]
    assert g.tensors["input"] is x and "conv2d" in g.operators and g.inputs == [x]
    assert [op.name for op in g.operators.values()] == list(g.operators.keys())
    conv = g.operators["conv2d"]
    assert conv.num_filters == 5 and g.operators["dense"].flatten
    assert macs(conv) == 30 * 30 * 5 * 3 * 3 * 3
    assert macs([conv, g.operators["dense"]]) == macs(conv) + 14 * 14 * 5 * 10
    assert inference_latency(conv, mem_access_weight=1, compute_weight=0) == 2 * macs(conv) + 30 * 30 * 5
    assert model_size(g) == 4 * (3 * 3 * 3 * 5 + 5 + 3 * 3 * 5 + 5 + 14 * 14 * 5 * 10 + 10)
    assert peak_memory_usage(g) > 0
    out = tmp_path / "g.dot"
    to_dot(g, str(out))
    assert out.read_text().startswith("digraph") and "dw_conv2d" in out.read_text()
