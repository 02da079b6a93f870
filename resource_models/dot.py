"""Graphviz DOT export: operators as nodes, tensors as labelled edges.

Meant for eyeballing a candidate (`dot -Tpng`); the text is deterministic so it
can also be diffed.
"""
from .ops import Operator


def _quote(s):
    s = str(s).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + s + '"'


def _shape(shape):
    return "x".join(str(d) for d in shape)


def _params(op: Operator):
    parts = []
    for k, v in op.params().items():
        if isinstance(v, list):
            v = "x".join(map(str, v))
        parts.append(f"{k}={v}")
    return ", ".join(parts)


def to_dot(g):
    """DOT source for graph g; edge labels give each tensor's shape and size in bytes."""
    esize = g.element_size
    lines = [f"digraph {_quote(g.name)} {{", "  rankdir=TB;",
             '  node [shape=box, fontname="Helvetica", fontsize=10];',
             '  edge [fontname="Helvetica", fontsize=9];']
    nl = "\n"
    for t in g.inputs:
        label = f"Input {t.name}{nl}{_shape(t.shape)}"
        lines.append(f"  {_quote('in:' + t.name)} [shape=ellipse, label={_quote(label)}];")
    for op in g.operators:
        label = f"{op.name}{nl}{type(op).__name__}({_params(op)}){nl}-> {_shape(op.output.shape)}"
        lines.append(f"  {_quote(op.name)} [label={_quote(label)}];")

    def node_of(t):
        return _quote("in:" + t.name if t.producer is None else t.producer.name)

    def edge_label(t):
        return _quote(f"{_shape(t.shape)} ({t.size * esize} B)")

    for op in g.operators:
        for t in dict.fromkeys(op.inputs):
            lines.append(f"  {node_of(t)} -> {_quote(op.name)} [label={edge_label(t)}];")
    for t in g.outputs:
        out = _quote("out:" + t.name)
        lines.append(f"  {out} [shape=ellipse, label={_quote('Output ' + t.name)}];")
        lines.append(f"  {node_of(t)} -> {out} [label={edge_label(t)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
