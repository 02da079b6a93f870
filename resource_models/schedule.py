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
#: Internal switch: tests turn the dominance rule of `_search` off to check it changes no result.
PRUNE_DOMINATED = True


class _Problem:
    """Bit-mask view of a graph: operator i is bit 1 << i (creation order is topological)."""

    def __init__(self, g, exclude_weights, exclude_inputs):
        self.ops = g.operators
        index = {op: i for i, op in enumerate(self.ops)}
        esize = g.element_size
        self.outputs = outputs = set(g.outputs)
        counted = [t for t in g.tensors
                   if t.producer is not None or not (exclude_weights if t.is_weight else exclude_inputs)]
        cmask = {t: sum(1 << index[c] for c in t.consumers) for t in counted}
        # (bytes, producer bit or 0 for constants, consumer mask, is graph output)
        self.tensors = [(t.size * esize, 0 if t.producer is None else 1 << index[t.producer],
                         cmask[t], t in outputs) for t in counted]
        self.out_bytes = [op.output.size * esize for op in self.ops]
        self.preds = [sum(1 << index[t.producer] for t in op.inputs if t.producer is not None)
                      for op in self.ops]
        reads = [[t for t in dict.fromkeys(op.inputs + op.weights) if t in cmask] for op in self.ops]
        # consumer masks of each op's counted inputs: its effect is fixed once it is the
        # only pending reader of all of them
        self.input_masks = [[cmask[t] for t in ts] for ts in reads]
        # (consumer mask, bytes) of the inputs an Add may overwrite with its output
        self.inplace = [[(cmask[t], t.size * esize) for t in dict.fromkeys(op.inputs)
                         if t.producer is not None and t.shape == op.output.shape and t not in outputs]
                        if isinstance(op, Add) else [] for op in self.ops]
        # no order can run op i with less than its inputs and output resident
        self.lower_bound = [self.out_bytes[i] + sum(t.size * esize for t in reads[i])
                            - max((b for _, b in self.inplace[i]), default=0)
                            for i in range(len(self.ops))]
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
        return [([i], None, None) for i in range(n)]
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
            modules.append((chain, None, None))
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
        modules.extend((m, h, d) for m, h, d in stack)
    return modules


def optimal_schedule(g, exclude_weights=True, exclude_inputs=True, merge=None, prune=None):
    """(peak bytes, operators in an order that attains it) for graph g."""
    if not g.outputs:
        raise GraphError(f"graph {g.name!r} has no outputs; call graph.add_output(tensor) first")
    merge = MERGE_MODULES if merge is None else merge
    prune = PRUNE_DOMINATED if prune is None else prune
    key = ("schedule", bool(exclude_weights), bool(exclude_inputs), merge, prune)
    if key not in g._cache:
        p = _Problem(g, exclude_weights, exclude_inputs)
        g._cache[key] = _search(p, _modules(p, merge), prune)
    peak, order = g._cache[key]
    return peak, list(order)


def _search(p, modules, prune):
    """Layered DP over down-sets of modules (layer k = states with k modules run).

    Dominance (when `prune`): at state S with level L and best peak B, a module u
    whose effect is fixed (it reads only tensors no other pending op reads), that
    does not raise memory on balance (d <= 0) and whose peak L + h is at most
    max(B, a lower bound on any completion's peak) can be run first: moving it
    ahead of whatever an optimal completion runs before it lowers those steps by
    -d >= 0 and adds a peak no greater than one that completion pays anyway. So
    only that transition is expanded.
    """
    masks = [sum(1 << i for i in ops) for ops, _, _ in modules]
    preds = [0] * len(modules)
    for u, (ops, _, _) in enumerate(modules):
        for i in ops:
            preds[u] |= p.preds[i]
        preds[u] &= ~masks[u]
    multi = [(h, d) if len(ops) > 1 else None for ops, h, d in modules]
    firsts = [ops[0] for ops, _, _ in modules]
    lb_order = sorted(range(len(p.ops)), key=lambda i: -p.lower_bound[i])
    alive, step, in_masks, lower = p.alive, p.step, p.input_masks, p.lower_bound

    best = {0: alive(0)}
    parent = {}
    layer = [0]
    for _ in range(len(modules)):
        nxt_layer = {}
        for done in layer:
            base = best[done]
            level = alive(done)
            avail = [u for u, mask in enumerate(masks) if not done & mask and not preds[u] & ~done]
            costs = {}
            if prune and len(avail) > 1:
                bound = base
                for i in lb_order:
                    if not done >> i & 1:
                        bound = max(bound, lower[i])
                        break
                for u in avail:
                    if multi[u] is not None:
                        h, d = multi[u]
                        cost = level + h
                    else:
                        i = firsts[u]
                        bit = 1 << i
                        if any(m & ~done != bit for m in in_masks[i]):
                            continue
                        cost = step(done, i)
                        d = alive(done | bit) - level
                    costs[u] = cost
                    if d <= 0 and cost <= bound:
                        avail = [u]
                        break
            for u in avail:
                cost = costs.get(u)
                if cost is None:
                    cost = level + multi[u][0] if multi[u] is not None else step(done, firsts[u])
                if cost < base:
                    cost = base
                nd = done | masks[u]
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
    return best[full], tuple(order)
