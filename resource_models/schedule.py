"""Exact minimum-peak-memory operator order.

Memory model (that of the original μNAS): while an operator runs, the live
activations are its inputs, its output and every tensor already computed that
a later operator still reads or that is a graph output. An `Add` may write its
output into an input of the same shape that nothing else still has to read
(and that is not a graph output). Constants (graph inputs, weights) are
excluded by default; when counted they are resident from the start until
their last consumer has run.

Search: a dynamic programme over down-sets (executed sets) of the operator DAG,
     best[S ∪ u] = min over u of max(best[S], cost(S, u)),
made small by first fusing chains into "modules" that an optimal order never
splits (see `_modules`). The memory after a set S of operators have run is a
function of S alone, which is what makes the DP exact.
"""
from .errors import GraphError
from .ops import Add

#: Internal switch: tests turn module merging off to check it changes no result.
MERGE_MODULES = True


class _Problem:
    """Bit-mask view of a graph: operator i is bit 1 << i (creation order is topological)."""

    def __init__(self, g, exclude_weights, exclude_inputs):
        self.ops = g.operators
        index = {op: i for i, op in enumerate(self.ops)}
        esize = g.element_size
        self.outputs = outputs = set(g.outputs)
        self.tensors = []      # (bytes, producer bit or 0, consumer mask, is graph output)
        for t in g.tensors:
            if t.producer is None and (exclude_weights if t.is_weight else exclude_inputs):
                continue
            pbit = 0 if t.producer is None else 1 << index[t.producer]
            cmask = sum(1 << index[c] for c in t.consumers)
            self.tensors.append((t.size * esize, pbit, cmask, t in outputs))
        self.out_bytes = [op.output.size * esize for op in self.ops]
        self.preds = [sum(1 << index[t.producer] for t in op.inputs if t.producer is not None)
                      for op in self.ops]
        # in-place candidates: (consumer mask, bytes) of Add inputs that may hold the output
        self.inplace = []
        for i, op in enumerate(self.ops):
            cands = []
            if isinstance(op, Add):
                for t in dict.fromkeys(op.inputs):
                    if t.producer is not None and t.shape == op.output.shape and t not in outputs:
                        cands.append((sum(1 << index[c] for c in t.consumers), t.size * esize))
            self.inplace.append(cands)
        self._alive = {}

    def alive(self, done):
        """Bytes resident after exactly the operators in `done` have run."""
        m = self._alive.get(done)
        if m is None:
            m = 0
            for size, pbit, cmask, is_out in self.tensors:
                if (pbit == 0 or done & pbit) and (is_out or cmask & ~done):
                    m += size
            self._alive[done] = m
        return m

    def step(self, done, i):
        """Bytes resident while operator i runs after `done`."""
        bit = 1 << i
        saving = max((size for cmask, size in self.inplace[i] if cmask & ~done == bit), default=0)
        return self.alive(done) + self.out_bytes[i] - saving


def _ancestors(p):
    anc = []
    for i in range(len(p.ops)):
        a, preds = 0, p.preds[i]
        while preds:
            low = preds & -preds
            a |= low | anc[low.bit_length() - 1]
            preds ^= low
        anc.append(a)
    return anc


def _priority(h, d):
    """Larger = earlier (Abdel-Wahab & Kameda): net-freeing jobs by increasing rise h,
    then net-allocating jobs by decreasing h - d."""
    return (1, -h) if d <= 0 else (0, h - d)


def _modules(p, merge):
    """Partition operators into modules: lists of op indices run back to back.

    A link x -> y is fixed when y reads only x's output, nothing else reads it and
    it is not a graph output, and x's counted inputs are read by x alone: then the
    memory effect (rise h, net change d) of x and y does not depend on the order
    of anything else. Along such chains a module followed by one of strictly
    higher priority is fused with it (composite h = max(h1, d1 + h2), d = d1 + d2);
    by the adjacent-exchange (Monma-Sidney) lemma some optimal order keeps each
    module contiguous.
    """
    n = len(p.ops)
    if not merge:
        return [([i], None) for i in range(n)]
    exclusive_inputs = [True] * n      # every counted input is read by this op alone
    for _, _, cmask, _ in p.tensors:
        if cmask & (cmask - 1):
            c = cmask
            while c:
                low = c & -c
                exclusive_inputs[low.bit_length() - 1] = False
                c ^= low
    ops = p.ops
    nxt = [None] * n
    index = {op: i for i, op in enumerate(ops)}
    outputs = p.outputs
    for y, op in enumerate(ops):
        srcs = set(op.inputs)
        if len(srcs) != 1:
            continue
        t = next(iter(srcs))
        if t.producer is None or t in outputs or len(t.consumers) != 1:
            continue
        x = index[t.producer]
        if exclusive_inputs[x]:
            nxt[x] = y
    has_prev = set(y for y in nxt if y is not None)
    anc = _ancestors(p)
    modules = []
    for start in range(n):
        if start in has_prev:
            continue
        chain = [start]
        while nxt[chain[-1]] is not None:
            chain.append(nxt[chain[-1]])
        if len(chain) == 1:
            modules.append((chain, None))
            continue
        done = anc[start]
        stack = []                      # [ops, h, d]
        for i in chain:
            level = p.alive(done)
            h = p.step(done, i) - level
            done |= 1 << i
            d = p.alive(done) - level
            stack.append([[i], h, d])
            while len(stack) > 1 and _priority(*stack[-1][1:]) > _priority(*stack[-2][1:]):
                ops2, h2, d2 = stack.pop()
                ops1, h1, d1 = stack[-1]
                stack[-1] = [ops1 + ops2, max(h1, d1 + h2), d1 + d2]
        modules.extend((m, h if len(m) > 1 else None) for m, h, d in stack)
    return modules


def optimal_schedule(g, exclude_weights=True, exclude_inputs=True, merge=None):
    """(peak bytes, operators in an order that attains it) for graph g."""
    if not g.outputs:
        raise GraphError(f"graph {g.name!r} has no outputs; call graph.add_output(tensor) first")
    merge = MERGE_MODULES if merge is None else merge
    key = ("schedule", bool(exclude_weights), bool(exclude_inputs), merge)
    if key in g._cache:
        peak, order = g._cache[key]
        return peak, list(order)
    p = _Problem(g, exclude_weights, exclude_inputs)
    modules = _modules(p, merge)
    masks = [sum(1 << i for i in ops) for ops, _ in modules]
    preds = [0] * len(modules)
    for u, (ops, _) in enumerate(modules):
        for i in ops:
            preds[u] |= p.preds[i]
        preds[u] &= ~masks[u]
    rises = [h for _, h in modules]
    firsts = [ops[0] for ops, _ in modules]

    best = {0: p.alive(0)}
    parent = {}
    layer = [0]
    for _ in range(len(modules)):
        nxt_layer = {}
        for done in layer:
            base = best[done]
            for u, mask in enumerate(masks):
                if done & mask or preds[u] & ~done:
                    continue
                h = rises[u]
                cost = p.alive(done) + h if h is not None else p.step(done, firsts[u])
                if cost < base:
                    cost = base
                nd = done | mask
                old = best.get(nd)
                if old is None or cost < old:
                    best[nd] = cost
                    parent[nd] = (done, u)
                    nxt_layer[nd] = True
        layer = list(nxt_layer)
    full = sum(masks)
    order, s = [], full
    while s:
        s, u = parent[s]
        order[:0] = [p.ops[i] for i in modules[u][0]]
    result = (best[full], order)
    g._cache[key] = result
    return result[0], list(order)
