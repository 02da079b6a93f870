"""A converted .tflite model in a canonical form: the same operators, tensors and data, with names,
numbering and buffers that follow from the model's structure alone.

The TFLite converter names tensors after the traced TensorFlow ops (``functional_3_1/conv2d_2_1/
BiasAdd;...``), names that carry Keras's process-wide counters and the converter's fusions, and
numbers tensors and buffers in its own order. None of that matters to a runtime, but it makes the
file's size unpredictable from the architecture. The canonical form keeps everything a runtime
reads (operators in their stored order, operator codes, shapes, types, quantisation, options,
constant data, metadata, signature) and rewrites the rest:

- tensors are numbered by first use: the subgraph's inputs, then each operator's inputs and
  outputs in stored order (unused tensors are dropped);
- a tensor is named after its role: ``input``, ``<operator position>_<OPERATOR>`` for an
  operator's output, ``<position>_<OPERATOR>_<input slot>`` for a constant (named by its first
  reader);
- buffer 0 is the empty buffer of every non-constant tensor, then one buffer per constant tensor
  in tensor order, then the metadata buffers in metadata order (an ``OfflineMemoryAllocation``
  plan follows the renumbering);
- the signature's tensors are named ``input``/``input_<i>`` and ``output_<i>``.
- a tensor quantised with a single scale has quantised dimension 0 (per-tensor: no runtime reads
  the dimension then; the converter writes 3 or 0 for a one-channel depthwise filter depending
  on its weights and calibration).

The model is packed with the schema's object API, byte vectors 16-byte aligned as the converter
aligns its buffers (:func:`resource_models.tflite_rewrite.pack_model`).
"""
from __future__ import annotations

import math
from typing import Dict, List

import numpy as np

from .tflite_rewrite import OFFLINE_PLAN_METADATA, pack_model
from .tflite_schema import builtin_operator_names, load_schema

# Complete operator orders the export's branch and bound evaluates at most (optimise's default is
# 5,000 or 10 s): on 200 random CNN architectures 500 found the same head as 5,000 on every one.
EXPORT_MAX_ORDERS = 500


def canonical_flatbuffer(data: bytes, sort_operators: bool = False) -> bytes:
    """The canonical form of a single-subgraph .tflite model (bytes in, bytes out); with
    ``sort_operators`` its operators are first put in the canonical topological order
    (:func:`structural_order`), else they keep their stored order."""
    schema = load_schema()
    model = schema.ModelT.InitFromObj(schema.Model.GetRootAs(data, 0))
    if sort_operators:
        graph = model.subgraphs[0]
        graph.operators = [graph.operators[i] for i in structural_order(model)]
    return pack_model(canonical_model(model))


def exported(converted: bytes):
    """What the export writes for a converted model: the canonical form with the operators in the
    structural order, reordered for the least TFLM arena head (with an offline plan where that
    helps; :func:`resource_models.tflite_order.optimise`), then canonical again for the written
    order. Returns (the flatbuffer, optimise's result, the converter's index of each written
    operator). The order search is bounded by a count of complete orders, never by time, so the
    same model always gets the same file (the prediction repeats the export exactly)."""
    from .tflite import read_tflite
    from .tflite_order import optimise

    schema = load_schema()
    model = schema.ModelT.InitFromObj(schema.Model.GetRootAs(converted, 0))
    structural = structural_order(model)
    graph = model.subgraphs[0]
    graph.operators = [graph.operators[i] for i in structural]
    best = optimise(read_tflite(pack_model(canonical_model(model))), max_orders=EXPORT_MAX_ORDERS,
                    time_limit=math.inf)
    return canonical_flatbuffer(best.flatbuffer), best, [structural[i] for i in best.order]


def _options_key(op) -> tuple:
    options = op.builtinOptions
    return (op.builtinOptionsType,
            tuple(sorted((k, repr(v)) for k, v in vars(options).items())) if options else ())


def structural_order(model) -> List[int]:
    """A topological order of the operators that depends on the graph's structure only (not on the
    converter's numbering): among the operators ready to run, the one with the least key (its
    operator code, options, tensor shapes and quantisation, the positions of the operators it reads,
    and a digest of everything downstream of it) runs first. Operators with equal keys are
    interchangeable: swapping them gives the same model."""
    import hashlib

    graph = model.subgraphs[0]
    ops = list(graph.operators or [])
    codes = model.operatorCodes

    def tensor_key(t):
        if t < 0:
            return ("none",)
        tensor = graph.tensors[t]
        q = tensor.quantization
        channels = 0 if q is None or q.scale is None else len(q.scale)
        return (_has_data(model, tensor.buffer), tuple(int(d) for d in tensor.shape),
                int(tensor.type), channels)

    producer = {int(t): i for i, op in enumerate(ops) for t in op.outputs}
    consumers = [[] for _ in ops]
    for i, op in enumerate(ops):
        for t in op.inputs:
            if int(t) in producer:
                consumers[producer[int(t)]].append(i)
    own = []
    for op in ops:
        code = codes[op.opcodeIndex]
        own.append(repr((max(code.builtinCode, code.deprecatedBuiltinCode), code.version,
                         _options_key(op), tuple(tensor_key(int(t)) for t in op.inputs),
                         tuple(tensor_key(int(t)) for t in op.outputs))))
    down: Dict[int, str] = {}

    def downstream(i):
        if i not in down:
            below = sorted(downstream(c) for c in set(consumers[i]))
            down[i] = hashlib.sha1((own[i] + "|" + ",".join(below)).encode()).hexdigest()
        return down[i]

    for i in reversed(range(len(ops))):
        downstream(i)
    position: Dict[int, int] = {}
    done, order = set(), []
    while len(order) < len(ops):
        ready = [i for i in range(len(ops)) if i not in done
                 and all(producer.get(int(t)) in done or int(t) not in producer
                         for t in ops[i].inputs)]
        best = min(ready, key=lambda i: (own[i], tuple(position.get(producer.get(int(t)), -1)
                                                        for t in ops[i].inputs), down[i], i))
        position[best] = len(order)
        order.append(best)
        done.add(best)
    return order


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else (value or "")


def _has_data(model, buffer_index: int) -> bool:
    if buffer_index <= 0 or buffer_index >= len(model.buffers):
        return False
    data = model.buffers[buffer_index].data
    return data is not None and len(data) > 0


def canonical_model(model):
    """The canonical form of a ``ModelT`` (modified in place and returned)."""
    schema = load_schema()
    if len(model.subgraphs) != 1:
        raise ValueError(f"canonical form: {len(model.subgraphs)} subgraphs; one expected")
    names = builtin_operator_names()
    graph = model.subgraphs[0]
    operators = list(graph.operators or [])

    # tensors by first use
    order: List[int] = []
    seen = set()

    def use(t):
        if t >= 0 and t not in seen:
            seen.add(t)
            order.append(t)

    for t in list(graph.inputs if graph.inputs is not None else []):
        use(int(t))
    for op in operators:
        for t in list(op.inputs if op.inputs is not None else []):
            use(int(t))
        for t in list(op.outputs if op.outputs is not None else []):
            use(int(t))
    for t in list(graph.outputs if graph.outputs is not None else []):
        use(int(t))
    new_index = {old: new for new, old in enumerate(order)}

    # operator codes by first use
    code_order: List[int] = []
    for op in operators:
        if op.opcodeIndex not in code_order:
            code_order.append(op.opcodeIndex)
    new_code = {old: new for new, old in enumerate(code_order)}
    op_names = []
    for op in operators:
        code = model.operatorCodes[op.opcodeIndex]
        op_names.append(names.get(max(code.builtinCode, code.deprecatedBuiltinCode), "OP"))
    model.operatorCodes = [model.operatorCodes[i] for i in code_order]

    # names by role
    role: Dict[int, str] = {}
    inputs = [int(t) for t in (graph.inputs if graph.inputs is not None else [])]
    for i, t in enumerate(inputs):
        role[t] = "input" if len(inputs) == 1 else f"input_{i}"
    for p, op in enumerate(operators):
        for t in (op.outputs if op.outputs is not None else []):
            role.setdefault(int(t), f"{p}_{op_names[p]}")
        for slot, t in enumerate(op.inputs if op.inputs is not None else []):
            if t >= 0:
                role.setdefault(int(t), f"{p}_{op_names[p]}_{slot}")

    # buffers: empty, constants in tensor order, metadata
    old_buffers = model.buffers
    empty = schema.BufferT()
    buffers = [empty]
    tensors = []
    for old in order:
        tensor = graph.tensors[old]
        tensor.name = role.get(old, f"tensor_{new_index[old]}")
        q = tensor.quantization
        if q is not None and q.scale is not None and len(q.scale) == 1:
            q.quantizedDimension = 0          # one scale: per-tensor, whatever the dimension
        if _has_data(model, tensor.buffer):
            buffers.append(old_buffers[tensor.buffer])
            tensor.buffer = len(buffers) - 1
        else:
            tensor.buffer = 0
        tensors.append(tensor)
    for meta in model.metadata or []:
        buffer = old_buffers[meta.buffer]
        if _text(meta.name) == OFFLINE_PLAN_METADATA:
            words = np.frombuffer(bytes(buffer.data), dtype="<i4")
            count = int(words[2])
            offsets = words[3:3 + count]
            remapped = [int(offsets[old]) for old in order]
            plan = schema.BufferT()
            plan.data = np.array(list(words[:2]) + [len(remapped)] + remapped,
                                 dtype="<i4").view(np.uint8)
            buffer = plan
        buffers.append(buffer)
        meta.buffer = len(buffers) - 1
    model.buffers = buffers

    def remap(values):
        return [new_index[int(t)] if t >= 0 else int(t) for t in values]

    graph.tensors = tensors
    graph.inputs = remap(graph.inputs if graph.inputs is not None else [])
    graph.outputs = remap(graph.outputs if graph.outputs is not None else [])
    for op in operators:
        op.opcodeIndex = new_code[op.opcodeIndex]
        op.inputs = remap(op.inputs if op.inputs is not None else [])
        op.outputs = remap(op.outputs if op.outputs is not None else [])
        if op.intermediates is not None and len(op.intermediates):
            op.intermediates = remap(op.intermediates)
    for signature in model.signatureDefs or []:
        for i, tensor_map in enumerate(signature.inputs or []):
            tensor_map.tensorIndex = new_index[tensor_map.tensorIndex]
            tensor_map.name = "input" if len(signature.inputs) == 1 else f"input_{i}"
        for i, tensor_map in enumerate(signature.outputs or []):
            tensor_map.tensorIndex = new_index[tensor_map.tensorIndex]
            tensor_map.name = f"output_{i}"
    return model
