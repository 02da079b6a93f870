"""Edits of a TFLite flatbuffer: a new operator order, an offline memory plan.

The operator order is changed in place: the subgraph's ``operators`` vector holds one 32-bit
forward offset per operator table, so permuting the tables means rewriting those offsets and
nothing else (the model stays byte-identical elsewhere). An offline memory plan needs a new buffer
and a metadata entry, so that model is rebuilt with the schema's object API, every byte vector
aligned to 16 bytes as the TFLite converter aligns its buffers.
"""
from __future__ import annotations

import struct
from typing import Sequence

import flatbuffers
import numpy as np

from .tflite_schema import load_schema

OFFLINE_PLAN_METADATA = "OfflineMemoryAllocation"
OFFLINE_PLAN_VERSION = 1


def operator_table_positions(data: bytes):
    """(position of the subgraph's operators vector, absolute position of each operator table)."""
    schema = load_schema()
    subgraph = schema.Model.GetRootAs(data, 0).Subgraphs(0)
    field = subgraph._tab.Offset(10)                  # SubGraph.operators
    if field == 0:
        return 0, []
    start = subgraph._tab.Vector(field)
    count = subgraph._tab.VectorLen(field)
    tables = [start + 4 * j + struct.unpack_from("<I", data, start + 4 * j)[0]
              for j in range(count)]
    return start, tables


def reorder_operators(data: bytes, order: Sequence[int]) -> bytes:
    """The model with its operators stored (and so executed by TFLM) in ``order``: a list of the
    stored operator indices. Only the operators vector's offsets change."""
    start, tables = operator_table_positions(data)
    if sorted(order) != list(range(len(tables))):
        raise ValueError(f"order {list(order)} is not a permutation of {len(tables)} operators")
    out = bytearray(data)
    for j, old in enumerate(order):
        struct.pack_into("<I", out, start + 4 * j, tables[old] - (start + 4 * j))
    return bytes(out)


class _AlignedBuilder(flatbuffers.Builder):
    """A builder that aligns byte vectors (weights, biases) to 16 bytes."""

    def CreateNumpyVector(self, x):  # noqa: N802 - flatbuffers' name
        if isinstance(x, np.ndarray) and x.dtype.itemsize == 1 and x.ndim == 1 and x.size:
            self.StartVector(1, x.size, 16)
            payload = x.tobytes()
            self.head = self.head - len(payload)
            self.Bytes[self.head:self.head + len(payload)] = payload
            self.vectorNumElems = x.size
            return self.EndVector()
        return super().CreateNumpyVector(x)


def with_offline_plan(data: bytes, offsets: Sequence[int]) -> bytes:
    """The model with an ``OfflineMemoryAllocation`` plan: per-tensor byte offsets from the start
    of TFLM's arena head (-1: planned at run time). Replaces a plan the model already has."""
    schema = load_schema()
    model = schema.ModelT.InitFromObj(schema.Model.GetRootAs(data, 0))
    words = np.array([OFFLINE_PLAN_VERSION, len(model.subgraphs), len(offsets)] + list(offsets),
                     dtype="<i4").view(np.uint8)
    model.metadata = list(model.metadata or [])
    existing = [m for m in model.metadata if _text(m.name) == OFFLINE_PLAN_METADATA]
    if existing:
        model.buffers[existing[0].buffer].data = words
    else:
        buffer = schema.BufferT()
        buffer.data = words
        model.buffers.append(buffer)
        meta = schema.MetadataT()
        meta.name = OFFLINE_PLAN_METADATA
        meta.buffer = len(model.buffers) - 1
        model.metadata.append(meta)
    return pack_model(model, len(data) + 1024)


def pack_model(model, size_hint: int = 1024) -> bytes:
    """A ``ModelT`` packed into a .tflite flatbuffer, byte vectors aligned to 16 bytes."""
    builder = _AlignedBuilder(size_hint)
    builder.Finish(model.Pack(builder), file_identifier=b"TFL3")
    return bytes(builder.Output())


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else (value or "")
