"""Resource figures of a graph: peak memory, model size, MACs, latency, execution order."""
from .errors import GraphError
from .ops import Operator
from .schedule import optimal_schedule


def _require_outputs(g, what):
    if not g.outputs:
        raise GraphError(f"{what}: graph {g.name!r} has no outputs; call graph.add_output(tensor) first")


def peak_memory_usage(g, exclude_weights=True, exclude_inputs=True):
    """Bytes of tensors resident at once under the operator order that minimises that peak."""
    return optimal_schedule(g, exclude_weights, exclude_inputs)[0]


def execution_order(g, exclude_weights=True, exclude_inputs=True):
    """Operators in an order whose peak memory equals `peak_memory_usage` (same flags)."""
    return optimal_schedule(g, exclude_weights, exclude_inputs)[1]


def model_size(g, sparse=False):
    """Bytes of all weights and biases; with sparse=True a pruned kernel counts its non-zeros.
    Batch-norm parameters are folded into the convolution, so they add nothing."""
    _require_outputs(g, "model_size")
    elements = 0
    for op in g.operators:
        for w in op.weights:
            elements += w.sparse_size if sparse and w.sparse_size is not None else w.size
    return elements * g.element_size


def _operators_of(g, what):
    """The operators of a graph (which must have outputs), of one operator or of a list of them."""
    if isinstance(g, Operator):
        return [g]
    if isinstance(g, (list, tuple)):
        return list(g)
    _require_outputs(g, what)
    return g.operators


def macs(g):
    """Multiply-accumulate operations of one inference of a graph, an operator or a list of
    operators (pool window elements and Add terms count as MACs, as in the original μNAS)."""
    return sum(op.macs() for op in _operators_of(g, "macs"))


def inference_latency(g, mem_access_weight=0, compute_weight=1):
    """Latency proxy of a graph, an operator or a list of operators:
    compute_weight * MACs + mem_access_weight * memory loads."""
    return sum(compute_weight * op.macs() + mem_access_weight * op.mem_loads()
               for op in _operators_of(g, "inference_latency"))
