"""Exact minimum-peak-memory operator order.

Memory model (that of the original μNAS): while an operator runs, the resident
tensors are its inputs, its output and every tensor already computed that a
later operator still reads or that is a graph output. An `Add` may write its
output into an input of the same shape that nothing else still has to read
(and that is not a graph output). Constants (graph inputs, weights) are
excluded by default; when counted they are resident from the start until
their last reader has run.

Levels and effects. The bytes resident after a set S of operators has run (the
*level* of S) depend on S alone. Running operator u after S costs a *rise* h
(bytes above the level while u runs) and changes the level by d (`effect`).
(h, d) depends on S only through which readers of u's inputs are still
pending; once u is the last pending reader of every tensor it reads it no
longer depends on the order of anything else: u has a *fixed effect*.

Job algebra (Abdel-Wahab & Kameda 1978, "Scheduling to minimize maximum
cumulative cost subject to series-parallel precedence constraints", Operations
Research 26(1)). A job is (h, d); running A then B is the composite job
     AB = (max(h_A, d_A + h_B), d_A + d_B).
Priority (`_priority`, larger runs earlier): a job with d <= 0 ranks above
every job with d > 0; among d <= 0 jobs the smaller h first, among d > 0 jobs
the larger h - d first. Note h >= d for every operator (its output is resident
while it runs, and it frees at most its inputs).

(E) Exchange: if pri(A) >= pri(B) then cost(AB) <= cost(BA). A frees, B
    allocates: cost(AB) <= max(h_A, h_B) <= max(h_B, d_B + h_A) = cost(BA).
    Both free, h_A <= h_B: cost(AB) <= h_B <= cost(BA). Both allocate,
    h_A - d_A >= h_B - d_B: d_A + h_B <= h_A + d_B <= cost(BA) and
    h_A < h_A + d_B <= cost(BA). A and B may be composites. Applied to
    operators: an operator (or chain) A with a fixed effect may be moved across
    an adjacent sequence B of operators that does not depend on it when
    pri(A) >= pri(B) (or the reverse): this shifts every level inside B by d_A
    and changes no effect in B, so the lemma is exactly the cost comparison.

(K) Kameda's algorithm: when every job has a fixed effect and the precedence
    is series-parallel, the least peak is attained by sequencing each parallel
    composition by merging its parts' segment lists in priority order, and each
    series composition by concatenating and then fusing adjacent segments while
    the later one has the higher priority (`_normalize`). In-forests (each
    output read by at most one pending operator) are such orders.

Search (`_search`): a depth-first search for an order within a memory budget
over down-sets of *modules*, repeated with smaller budgets until it fails; it
is exhaustive except for the following devices, each proven below where it is
implemented and each switchable off so that tests can check it changes no
result:

* `MERGE_MODULES`: chains of fixed-effect operators are fused into modules that
  some optimal order keeps contiguous (`_modules`).
* `PRUNE_DOMINATED`: a freeing module with a fixed effect that fits the budget is
  run at once, and states where some operator cannot fit at all are abandoned.
* `CLOSE_FORESTS`: when the operators before the next articulation operator
  form an in-forest of fixed-effect jobs, their best order is computed outright
  by (K) (`_forest_order`).
* `SOLVE_FORKS`: when they form paths that share one resident tensor (a fork, as
  in the parallel branches of the CNN search space), the best order is found
  by a branch and bound over where each path is cut by the fork's release
  (`_Fork`).
"""
from .errors import GraphError
from .ops import Add

#: Internal switch: tests turn module merging off to check it changes no result.
MERGE_MODULES = True
#: Internal switch: tests turn the dominance rules of `_Budget` off to check they change no result.
PRUNE_DOMINATED = True
#: Internal switch: tests turn the in-forest closure off to check it changes no result.
CLOSE_FORESTS = True
#: Internal switch: tests turn the fork solver (`_Fork`) off to check it changes no result.
SOLVE_FORKS = True
#: Nodes the fork solver's first branch and bound may take before it filters the cuts (tests vary it).
FORK_NODE_LIMIT = 150


def optimal_schedule(g, exclude_weights=True, exclude_inputs=True, merge=None, prune=None, close=None,
                     forks=None):
    """(peak bytes, operators in an order that attains it) for graph g.

    `merge`, `prune`, `close` and `forks` override the module switches (for tests).
    """
    if not g.outputs:
        raise GraphError(f"graph {g.name!r} has no outputs; call graph.add_output(tensor) first")
    merge = MERGE_MODULES if merge is None else bool(merge)
    prune = PRUNE_DOMINATED if prune is None else bool(prune)
    close = CLOSE_FORESTS if close is None else bool(close)
    forks = SOLVE_FORKS if forks is None else bool(forks)
    key = ("schedule", bool(exclude_weights), bool(exclude_inputs), merge, prune, close, forks)
    if key not in g._cache:
        p = _Problem(g, exclude_weights, exclude_inputs)
        peak, order = _search(p, _modules(p, merge), prune, close, close and forks)
        if p.replay(order) != peak:                         # programmer's invariant
            raise AssertionError(f"schedule of graph {g.name!r}: order does not attain {peak} bytes")
        g._cache[key] = (peak, tuple(p.ops[i] for i in order))
    peak, order = g._cache[key]
    return peak, list(order)


def _priority(h, d):
    """Larger = earlier (Abdel-Wahab & Kameda): net-freeing jobs by increasing rise h,
    then net-allocating jobs by decreasing h - d."""
    return (1, -h) if d <= 0 else (0, h - d)


def _bits(mask):
    """Indices of the set bits of mask, ascending."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


class _Problem:
    """Bit-mask view of a graph: operator i is bit 1 << i (creation order is topological);
    counted tensors are numbered k = 0, 1, ..."""

    def __init__(self, g, exclude_weights, exclude_inputs):
        self.ops = ops = g.operators
        self.n = n = len(ops)
        index = {op: i for i, op in enumerate(ops)}
        esize = g.element_size
        self.outputs = outputs = set(g.outputs)
        counted = [t for t in g.tensors
                   if t.producer is not None or not (exclude_weights if t.is_weight else exclude_inputs)]
        tid = {t: k for k, t in enumerate(counted)}
        self.size = [t.size * esize for t in counted]
        self.cmask = [sum(1 << index[c] for c in t.consumers) for t in counted]
        self.is_out = [t in outputs for t in counted]
        self.pbit = [0 if t.producer is None else 1 << index[t.producer] for t in counted]
        # counted tensors each op reads (activations, counted constants, its weights)
        self.reads = [[tid[t] for t in dict.fromkeys(op.inputs + op.weights) if t in tid] for op in ops]
        self.out_t = [tid[op.output] for op in ops]
        self.out_bytes = [op.output.size * esize for op in ops]
        # bytes the output still holds once its producer has run (0 for a dead end)
        self.out_after = [self.out_bytes[i] if (op.output in outputs or op.output.consumers) else 0
                          for i, op in enumerate(ops)]
        # inputs an Add may overwrite with its output
        self.inplace = [[tid[t] for t in dict.fromkeys(op.inputs)
                         if t.producer is not None and t.shape == op.output.shape and t not in outputs]
                        if isinstance(op, Add) else [] for op in ops]
        self.preds = [sum(1 << index[t.producer] for t in op.inputs if t.producer is not None)
                      for op in ops]
        # tensors read by two or more operators: the only source of order-dependent effects
        self.shared_ids = [k for k, c in enumerate(self.cmask) if c & (c - 1)]
        self.alive0 = sum(s for s, pb, c, o in zip(self.size, self.pbit, self.cmask, self.is_out)
                          if pb == 0 and (o or c))
        # no order can run op i with less than its inputs and output resident
        self.lower_bound = [self.out_bytes[i] + sum(self.size[k] for k in self.reads[i])
                            - max((self.size[k] for k in self.inplace[i]), default=0)
                            for i in range(n)]
        self.anc = anc = []
        for i in range(n):
            a = 0
            for j in _bits(self.preds[i]):
                a |= (1 << j) | anc[j]
            anc.append(a)
        self.desc = desc = [0] * n
        for i in range(n - 1, -1, -1):
            for j in _bits(self.preds[i]):
                desc[j] |= (1 << i) | desc[i]
        self.full = (1 << n) - 1

    def alive(self, done):
        """Bytes resident after exactly the operators in `done` have run."""
        m = 0
        for size, pbit, cmask, is_out in zip(self.size, self.pbit, self.cmask, self.is_out):
            if (pbit == 0 or done & pbit) and (is_out or cmask & ~done):
                m += size
        return m

    def effect(self, done, i):
        """(rise, level change) of running operator i right after the set `done`."""
        bit = 1 << i
        size, cmask, is_out = self.size, self.cmask, self.is_out
        d = self.out_after[i]
        for k in self.reads[i]:
            if cmask[k] & ~done == bit and not is_out[k]:
                d -= size[k]
        saving = 0
        for k in self.inplace[i]:
            if cmask[k] & ~done == bit and size[k] > saving:
                saving = size[k]
        return self.out_bytes[i] - saving, d

    def effect_without(self, zero):
        """A relaxation of `effect`: the tensors in `zero` (ids) are resident only while
        an operator reads them, and an Add may always overwrite one of them. No step
        of any order costs more than it really does."""
        size, cmask, is_out = self.size, self.cmask, self.is_out

        def effect(done, i):
            bit = 1 << i
            d = self.out_after[i]
            rise = self.out_bytes[i]
            for k in self.reads[i]:
                if k in zero:
                    rise += size[k]
                elif cmask[k] & ~done == bit and not is_out[k]:
                    d -= size[k]
            saving = 0
            for k in self.inplace[i]:
                if (k in zero or cmask[k] & ~done == bit) and size[k] > saving:
                    saving = size[k]
            return rise - saving, d
        return effect

    def fixed(self, done, i):
        """True when i is the only pending reader of every tensor it reads."""
        bit = 1 << i
        cmask = self.cmask
        return all(cmask[k] & ~done == bit for k in self.reads[i])

    def replay(self, order):
        """Peak bytes of running the operators in `order` (indices), step by step."""
        done = 0
        level = peak = self.alive0
        for i in order:
            if self.preds[i] & ~done:
                raise AssertionError(f"operator {self.ops[i].name!r} scheduled before its inputs")
            h, d = self.effect(done, i)
            peak = max(peak, level + h)
            level += d
            done |= 1 << i
        if done != self.full:
            raise AssertionError("schedule misses operators")
        return peak


# --- segments: [h, d, op indices] ------------------------------------------------------------

def _fuse(a, b):
    """Segment a followed by segment b, as one segment."""
    return [max(a[0], a[1] + b[0]), a[1] + b[1], a[2] + b[2]]


def _normalize(seq):
    """Series composition (K): fuse the tail of a segment list while the last segment
    has a higher priority than the one before it."""
    while len(seq) > 1 and _priority(seq[-1][0], seq[-1][1]) > _priority(seq[-2][0], seq[-2][1]):
        b = seq.pop()
        seq[-1] = _fuse(seq[-1], b)
    return seq


def _merge(seqs):
    """Parallel composition (K): merge segment lists of non-increasing priority."""
    if len(seqs) == 1:
        return seqs[0]
    merged = [s for seq in seqs for s in seq]
    merged.sort(key=lambda s: _priority(s[0], s[1]), reverse=True)     # stable: keeps each list's order
    return merged


def _run(seq):
    """(peak rise, level change, op order) of running a segment list from level 0."""
    peak = level = 0
    order = []
    for h, d, ops in seq:
        if level + h > peak:
            peak = level + h
        level += d
        order.extend(ops)
    return peak, level, order


def _modules(p, merge):
    """Partition operators into modules: lists of op indices run back to back.

    A link x -> y is fixed when y reads only x's output, nothing else reads it and
    it is not a graph output, and x's counted inputs are read by x alone: then x
    and y have fixed effects, x's only successor is y and y's only predecessor is
    x. Along such chains a module followed by one of strictly higher priority is
    fused with it. Some optimal order keeps each module contiguous (Monma-Sidney):
    given x Z y in an optimal order with pri(y) > pri(x), either pri(Z) < pri(y)
    and y moves before Z, or pri(Z) >= pri(y) > pri(x) and x moves after Z, by (E),
    neither of which raises the peak; repeat for every fusion.

    Returns (ops, h, d) per module; h and d are None for a single operator, whose
    effect may depend on the order.
    """
    n = p.n
    if not merge:
        return [([i], None, None) for i in range(n)]
    exclusive_inputs = [True] * n      # every counted input is read by this op alone
    for k in p.shared_ids:
        for i in _bits(p.cmask[k]):
            exclusive_inputs[i] = False
    ops = p.ops
    nxt = [None] * n
    index = {op: i for i, op in enumerate(ops)}
    for y, op in enumerate(ops):
        srcs = set(op.inputs)
        if len(srcs) != 1:
            continue
        t = next(iter(srcs))
        if t.producer is None or t in p.outputs or len(t.consumers) != 1:
            continue
        x = index[t.producer]
        if exclusive_inputs[x]:
            nxt[x] = y
    has_prev = set(y for y in nxt if y is not None)
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
        done = p.anc[start]
        stack = []
        for i in chain:
            h, d = p.effect(done, i)
            done |= 1 << i
            stack.append([h, d, [i]])
            _normalize(stack)
        modules.extend((ops_, h, d) for h, d, ops_ in stack)
    return modules


def _forest_order(p, done, todo, effect=None):
    """Least-peak order of the operators `todo` after `done`, when every tensor they
    read is either read by one of them only, or resident now and never freed by
    them: then each has a fixed effect and the precedence among them is an
    in-forest, which (K) sequences exactly: a node's list is the merge of its
    children's lists followed by the node, normalised; the forest's is the merge
    of its trees'. `effect` may replace `p.effect` by a relaxation.

    Returns (peak rise above level(done), level change, op indices in order).
    """
    effect = effect or p.effect
    seqs = {}
    for i in _bits(todo):
        h, d = effect(done, i)
        kids = _bits(p.preds[i] & todo)
        if kids:
            seq = _merge([seqs.pop(c) for c in kids])
            seq.append([h, d, [i]])
            _normalize(seq)
        else:
            seq = [[h, d, [i]]]
        seqs[i] = seq
    return _run(_merge(list(seqs.values())))


class _Fork:
    """Least-peak order of operators T (after `done`) that form disjoint paths, with
    exactly one resident tensor s (the *fork*) read by two or more of them, each the
    first operator of its path (a *head*), and freed within T.

    Every effect in T is fixed except that the last head to run frees s. Model
    that release as a job V = (0, -|s|) depending on every head, with heads that
    never free s: an order of T costs what it costs with V right after its last
    head, and placing V later never costs less. In an optimal order let P be the
    operators before V: a down-set of T holding every head. P's part and the rest
    (after V) are each a set of paths with fixed effects, so by (K) each may be
    replaced by its Kameda order without raising the peak. Hence the least peak is
        min over P of  max(L + peak of Kameda(P),  L + d(P) - |s| + peak of Kameda(T - P)).
    Along each path the operators after the head (all of them on a path without
    head) are fused into Kameda segments, and V never splits one: the argument of
    `_modules` carries over, V being neither a predecessor nor a successor of
    those operators. So P is given by one cut per path at a segment boundary
    (after at least the head), and `solve` searches the cuts by branch and bound.
    """

    def __init__(self, p, done, lev, todo, fork):
        self.ok = False
        heads = p.cmask[fork] & todo
        paths = []
        for i in _bits(todo):
            if p.preds[i] & todo:
                continue
            path = [i]
            while True:
                nxt = p.cmask[p.out_t[path[-1]]] & todo
                if not nxt:
                    break
                if nxt & (nxt - 1):
                    return
                j = nxt.bit_length() - 1
                if p.preds[j] & todo != 1 << path[-1]:
                    return                      # a join inside T: not paths
                path.append(j)
            paths.append(path)
        for h in _bits(heads):
            if p.preds[h] & todo or fork in p.inplace[h]:
                return
        self.ok = True
        self.p, self.done, self.todo, self.fork = p, done, todo, fork
        self.lev = lev
        self.release = p.size[fork]
        self.paths = []             # per path: options (prefix segments, d of prefix, suffix segments)
        for path in paths:
            head = path[0] if heads >> path[0] & 1 else None
            segs = []
            for i in (path[1:] if head is not None else path):
                h, d = p.effect(done, i)
                segs.append([h, d, [i]])
                _normalize(segs)
            options = []
            for c in range(len(segs) + 1):
                if head is not None:
                    h, d = p.effect(done, head)         # s has other pending readers: not freed
                    pre = [[h, d, [head]]]
                    for s in segs[:c]:
                        pre.append(s)
                        _normalize(pre)
                else:
                    pre = segs[:c]
                pre = [(_priority(h, d), h, d, ops) for h, d, ops in pre]
                suf = [(_priority(h, d), h, d, ops) for h, d, ops in segs[c:]]
                options.append((pre, sum(s[2] for s in pre), suf))
            self.paths.append(options)
        # most constraining paths first: the branch and bound prunes earlier
        self.paths.sort(key=lambda opts: -max(s[1] for pre, _, suf in opts for s in pre + suf))

    def _cost(self, choice):
        """(peak, level change, op order) of the cut vector `choice` (option index per path)."""
        pre, suf, total = [], [], 0
        for opts, c in zip(self.paths, choice):
            a, d, b = opts[c]
            pre.extend(a)
            suf.extend(b)
            total += d
        pre.sort(key=lambda s: s[0], reverse=True)
        suf.sort(key=lambda s: s[0], reverse=True)
        lev = self.lev
        peak, level, order = lev, lev, []
        for _, h, d, ops in pre:
            if level + h > peak:
                peak = level + h
            level += d
            order.extend(ops)
        level -= self.release
        for _, h, d, ops in suf:
            if level + h > peak:
                peak = level + h
            level += d
            order.extend(ops)
        return peak, level - lev, order

    def _incumbent(self):
        """A good first solution: the better of cutting every path right after its head
        and cutting none, improved one path at a time while that helps."""
        paths = self.paths
        best = best_choice = None
        for choice in ([0] * len(paths), [len(opts) - 1 for opts in paths]):
            r = self._cost(choice)
            if best is None or r[0] < best[0]:
                best, best_choice = r, choice
        improved = True
        while improved:
            improved = False
            for t, opts in enumerate(paths):
                for c in range(len(opts)):
                    if c != best_choice[t]:
                        choice = best_choice[:t] + [c] + best_choice[t + 1:]
                        r = self._cost(choice)
                        if r[0] < best[0]:
                            best, best_choice, improved = r, choice, True
        return best

    def solve(self):
        """(peak, level change, op order) of a least-peak order of T.

        A first solution (`_incumbent`) is often proven optimal at once by a lower
        bound for every order: the least peak with s resident only while a head
        reads it (`_Problem.effect_without`, an in-forest). Otherwise a branch and
        bound over the cuts (`_branch_and_bound`) searches for a better one; when it
        takes more than FORK_NODE_LIMIT nodes, the cuts that cannot beat the best
        solution are dropped first (`_filter`) and the search starts again.
        """
        p = self.p
        rise, _, _ = _forest_order(p, self.done, self.todo, p.effect_without({self.fork}))
        floor = self.lev - self.release + rise
        best = [self._incumbent()]
        if best[0][0] <= floor:
            return best[0]
        live = [list(range(len(opts))) for opts in self.paths]
        if self._branch_and_bound(best, floor, live, FORK_NODE_LIMIT):
            return best[0]
        live = self._filter(best[0][0])
        if live is not None:
            self._branch_and_bound(best, floor, live, None)
        return best[0]

    def _filter(self, incumbent):
        """Per path, the cuts that may still be part of a solution cheaper than
        `incumbent` (None when some path has none left).

        With a cut per path both Kameda orders are fixed: in each phase segments run
        by decreasing priority (ties: by path, then along the path), so a segment x
        of phase 1 runs at level L plus, over all paths v, f_v(x): the sum of the
        d's of v's phase-1 segments ordered before x; a segment x after V runs at
        level L - |s| plus, over all v, g_v(x): v's residue after phase 1 plus the
        d's of its phase-2 segments ordered before x. A cut of path u is dropped
        when one of its own segments would reach the incumbent even with every
        other path at its least f_v(x) or g_v(x) over its remaining cuts (or when
        the level after phase 1 would); dropping raises those least values, so this
        repeats until nothing changes.
        """
        paths, lev, rel = self.paths, self.lev, self.release
        n = len(paths)
        keyed, keys = [], set()
        for v, opts in enumerate(paths):
            kv = []
            for pre, d, suf in opts:
                a = [((s[0], -v, -j), s[1], s[2]) for j, s in enumerate(pre)]
                b = [((s[0], -v, -j), s[1], s[2]) for j, s in enumerate(suf)]
                keys.update(k for k, _, _ in a + b)
                kv.append((a, d, b))
            keyed.append(kv)
        keys = sorted(keys, reverse=True)
        where = {k: i for i, k in enumerate(keys)}
        m = len(keys)

        def before(segs, start):
            out, acc, j = [0] * m, start, 0
            for i, k in enumerate(keys):
                while j < len(segs) and segs[j][0] > k:
                    acc += segs[j][2]
                    j += 1
                out[i] = acc
            return out

        f = [[before(a, 0) for a, _, _ in kv] for kv in keyed]
        g = [[before(b, d) for _, d, b in kv] for kv in keyed]
        segs = [[[(where[k], h + lev, 0) for k, h, _ in a] + [(where[k], h + lev - rel, 1) for k, h, _ in b]
                 for a, _, b in kv] for kv in keyed]
        live = [list(range(len(opts))) for opts in paths]
        changed = True
        while changed:
            fmin = [[min(f[u][c][i] for c in live[u]) for i in range(m)] for u in range(n)]
            gmin = [[min(g[u][c][i] for c in live[u]) for i in range(m)] for u in range(n)]
            dmin = [min(paths[u][c][1] for c in live[u]) for u in range(n)]
            sf = [sum(col) for col in zip(*fmin)]
            sg = [sum(col) for col in zip(*gmin)]
            sd = sum(dmin)
            changed = False
            for u in range(n):
                keep = []
                for c in live[u]:
                    worst = lev + sd - dmin[u] + paths[u][c][1]
                    fu, gu, fm, gm = f[u][c], g[u][c], fmin[u], gmin[u]
                    for i, base, phase in segs[u][c]:
                        x = base + (sg[i] - gm[i] + gu[i] if phase else sf[i] - fm[i] + fu[i])
                        if x > worst:
                            worst = x
                    if worst < incumbent:
                        keep.append(c)
                if not keep:
                    return None
                if len(keep) < len(live[u]):
                    live[u], changed = keep, True
        return live

    def _branch_and_bound(self, best, floor, live, limit):
        """Search the cut vectors (path t's cut among live[t]) for ones cheaper than
        best[0], which it updates; False when stopped after `limit` nodes.

        Bounds, with the cuts of the first t paths chosen: in the Kameda order of P
        a chosen prefix segment x runs after the chosen segments of higher priority
        and after a prefix of each open path's list, which lowers the level by at
        most that list's least prefix sum; after V likewise, where an open path's
        residue plus the least prefix sum of its suffix list bounds its share of the
        level from below; and the level at the end of P is at least the chosen
        residues plus each open path's least residue.
        """
        paths = self.paths
        n = len(paths)
        lev, rel = self.lev, self.release

        def least_prefix_sum(segs):
            m = s = 0
            for seg in segs:
                s += seg[2]
                if s < m:
                    m = s
            return m

        def rise_of(segs):
            peak = level = 0
            for _, h, d, _ in sorted(segs, key=lambda s: s[0], reverse=True):
                if level + h > peak:
                    peak = level + h
                level += d
            return peak

        dmin = [min(paths[t][c][1] for c in live[t]) for t in range(n)]
        m1 = [min(least_prefix_sum(paths[t][c][0]) for c in live[t]) for t in range(n)]
        m2 = [min(paths[t][c][1] + least_prefix_sum(paths[t][c][2]) for c in live[t]) for t in range(n)]
        tail = [(0, 0, 0)] * (n + 1)            # sums of dmin, m1, m2 over the open paths
        for t in range(n - 1, -1, -1):
            a, b, c = tail[t + 1]
            tail[t] = (a + dmin[t], b + m1[t], c + m2[t])
        choice = [0] * n
        nodes = [0]

        class Stop(Exception):
            pass

        def visit(t, pre, suf, total):
            if best[0][0] <= floor:
                return
            nodes[0] += 1
            if limit is not None and nodes[0] > limit:
                raise Stop
            dm, s1, s2 = tail[t]
            bound = max(lev + rise_of(pre) + s1, lev + total - rel + rise_of(suf) + s2, lev + total + dm)
            if bound >= best[0][0]:
                return
            if t == n:
                best[0] = self._cost(choice)
                return
            for c in live[t]:
                a, d, b = paths[t][c]
                choice[t] = c
                visit(t + 1, pre + a, suf + b, total + d)

        try:
            visit(0, [], [], 0)
        except Stop:
            return False
        return True


def _search(p, modules, prune, close, forks):
    """Least peak over orders of the modules, and an order (op indices) attaining it.

    `_Budget.attempt` looks for an order whose every step stays within a budget
    B. The first attempt has no budget; each success with peak P is followed by
    an attempt with budget P - 1, until one fails: then P is the least peak. A
    state that fails under B fails under every smaller budget, so those records
    carry over from one attempt to the next.
    """
    search = _Budget(p, modules, prune, close, forks)
    budget, found = None, None
    while True:
        result = search.attempt(budget)
        if result is None:
            break
        found = result
        if found[0] <= p.alive0:
            break
        budget = found[0] - 1
    return found


class _Budget:
    """Depth-first search over down-sets of modules for an order within a budget B,
    remembering the states from which none exists. At a state S with level L:

    * Closure (when `close`): let a be the first pending articulation operator (one
      comparable with every other operator, and first of its module). Every pending
      ancestor of a runs before a, and a before everything else, so every
      completion of S starts with those ancestors T, in some order, and what
      follows does not depend on that order. If T is an in-forest of fixed-effect
      jobs, `_forest_order` gives its least-peak order; if T is a fork of paths,
      `_Fork` does. Either way that is the only move; if its peak exceeds B, S fails.
    * Dominance (when `prune`): a module u with a fixed effect that does not raise
      memory on balance (d <= 0) and fits (L + h <= B) is the only move: in any
      completion within B, moving u to the front adds the step L + h <= B and, by
      (E)'s argument, lowers every step it overtakes by -d >= 0. No order fits
      when some operator cannot run within B even with only its own inputs and
      output resident; S fails when T holds forks that no solver handles and T
      cannot fit even in the relaxation of `_Problem.effect_without`.
    * Otherwise every available module that fits is tried, most promising first.
    """

    def __init__(self, p, modules, prune, close, forks):
        self.p = p
        n = p.n
        self.prune, self.close, self.forks = prune, close, forks
        self.masks = masks = [sum(1 << i for i in ops) for ops, _, _ in modules]
        self.mpreds = mpreds = [0] * len(modules)
        for u, (ops, _, _) in enumerate(modules):
            for i in ops:
                mpreds[u] |= p.preds[i]
            mpreds[u] &= ~masks[u]
        self.fixed_hd = [(h, d) if len(ops) > 1 else None for ops, h, d in modules]
        self.firsts = [ops[0] for ops, _, _ in modules]
        self.mod_ops = [tuple(ops) for ops, _, _ in modules]
        mod_of = {i: u for u, (ops, _, _) in enumerate(modules) for i in ops}
        self.msucc = [[] for _ in modules]         # modules that read an output of the module
        for w in range(len(modules)):
            for u in sorted({mod_of[j] for j in _bits(mpreds[w])}):
                self.msucc[u].append(w)
        # articulation operators (comparable with every other one) that start a module
        heads = set(self.firsts)
        self.art_mask = sum(1 << i for i in range(n)
                            if i in heads and (p.anc[i] | p.desc[i] | (1 << i)) == p.full)
        self.rank = self._ranks(modules)
        self.failed = set()
        self.plans = {}             # state -> what `_closure` found there

    def _ranks(self, modules):
        """Try-order of modules: the priority of each, fused with the modules that can
        only follow it (a chain's head with its chain, say)."""
        p = self.p
        first_of = {ops[0]: u for u, (ops, _, _) in enumerate(modules)}
        follow = [None] * len(modules)
        for u, (ops, _, _) in enumerate(modules):
            cons = p.cmask[p.out_t[ops[-1]]]
            if cons and not cons & (cons - 1):
                c = cons.bit_length() - 1
                if c in first_of and p.preds[c] == 1 << ops[-1]:
                    follow[u] = first_of[c]
        rank = []
        for u, (ops, h, d) in enumerate(modules):
            seq = []
            v, steps = u, 0
            while v is not None and steps < 8:
                vo, vh, vd = modules[v]
                if vh is None:
                    vh, vd = p.effect(p.anc[vo[0]], vo[0])
                seq.append([vh, vd, []])
                _normalize(seq)
                v = follow[v]
                steps += 1
            rank.append(_priority(seq[0][0], seq[0][1]))
        return rank

    def attempt(self, budget):
        """(peak, op indices in order) of an order within budget (None: no limit), or None."""
        p = self.p
        if budget is None:
            budget = float("inf")
        if p.alive0 > budget or 0 in self.failed:
            return None
        if p.full == 0:
            return p.alive0, []
        if self.prune and max(p.lower_bound) > budget:
            return None
        failed = self.failed
        # frames: [state, moves, index of the next move, available modules]; a move is
        # (next state, its level, peak of the move, ops, module or None for a closure)
        avail = self._available(0)
        stack = [[0, self._moves(0, p.alive0, budget, avail), 0, avail]]
        while stack:
            frame = stack[-1]
            state, moves, pos, avail = frame
            if pos == len(moves):
                failed.add(state)
                stack.pop()
                continue
            frame[2] = pos + 1
            nxt, lev, _, _, u = moves[pos]
            if nxt == p.full:
                chosen = [f[1][f[2] - 1] for f in stack]
                peak = max([p.alive0] + [m[2] for m in chosen])
                return peak, [i for m in chosen for i in m[3]]
            if nxt in failed:
                continue
            if u is None:
                avail = self._available(nxt)
            else:
                avail = [v for v in avail if v != u]
                avail += [w for w in self.msucc[u] if not self.mpreds[w] & ~nxt]
            stack.append([nxt, self._moves(nxt, lev, budget, avail), 0, avail])
        return None

    def _available(self, done):
        """Modules that can run next after `done`."""
        masks, mpreds = self.masks, self.mpreds
        return [u for u in range(len(masks)) if not done & masks[u] and not mpreds[u] & ~done]

    def _moves(self, done, lev, budget, avail):
        """Moves from state `done` (level `lev`, modules `avail` ready) worth trying."""
        p = self.p
        if self.close:
            pending = self.art_mask & ~done
            todo = p.anc[(pending & -pending).bit_length() - 1] & ~done if pending else p.full & ~done
            if todo & (todo - 1):
                plan = self._closure(done, lev, todo)
                if isinstance(plan, tuple):
                    peak, dl, ops = plan
                    return [(done | todo, lev + dl, peak, ops, None)] if peak <= budget else []
                if plan and self.prune and self._relaxed_bound(done, lev, todo, plan) > budget:
                    return []
        moves = []
        masks, fixed_hd, firsts, mod_ops = self.masks, self.fixed_hd, self.firsts, self.mod_ops
        for u in avail:
            hd = fixed_hd[u]
            if hd is None:
                i = firsts[u]
                hd = p.effect(done, i)
                if self.prune and hd[1] <= 0 and lev + hd[0] <= budget and p.fixed(done, i):
                    return [(done | masks[u], lev + hd[1], lev + hd[0], mod_ops[u], u)]
            elif self.prune and hd[1] <= 0 and lev + hd[0] <= budget:
                return [(done | masks[u], lev + hd[1], lev + hd[0], mod_ops[u], u)]
            if lev + hd[0] <= budget:
                moves.append((u, hd))
        if len(moves) > 1:
            rank = self.rank
            moves.sort(key=lambda m: rank[m[0]], reverse=True)
        return [(done | masks[u], lev + d, lev + h, mod_ops[u], u) for u, (h, d) in moves]

    def _closure(self, done, lev, todo):
        """The best order of `todo` after `done` as (peak, level change, ops) when it is
        an in-forest or a fork of paths; else the list of its forks (resident tensors
        read twice or more in `todo` and freed there), or None when its precedence is
        no forest at all. Cached per state."""
        if done in self.plans:
            return self.plans[done]
        p = self.p
        forks = []
        for k in p.shared_ids:
            cm = p.cmask[k] & todo
            if cm & (cm - 1):
                if p.pbit[k] & todo:
                    forks = None            # produced in todo and read twice there
                    break
                if not p.is_out[k] and not p.cmask[k] & ~done & ~todo:
                    forks.append(k)         # freed by the last of its readers in todo
                # else resident throughout: harmless, its readers' effects are fixed
        plan = forks
        if forks == []:
            rise, dl, order = _forest_order(p, done, todo)
            plan = (lev + rise, dl, tuple(order))
        elif forks is not None and len(forks) == 1 and self.forks:
            fork = _Fork(p, done, lev, todo, forks[0])
            if fork.ok:
                peak, dl, order = fork.solve()
                plan = (peak, dl, tuple(order))
        self.plans[done] = plan
        return plan

    def _relaxed_bound(self, done, lev, todo, forks):
        """Lower bound on the peak of `todo` when it holds forks that no solver handles:
        its least peak with the forks resident only while read, an in-forest relaxation.
        Computed where no fork has been read yet (0 elsewhere)."""
        p = self.p
        if any(p.cmask[k] & done for k in forks):
            return 0
        zero = set(forks)
        base = lev - sum(p.size[k] for k in zero)
        rise, _, _ = _forest_order(p, done, todo, p.effect_without(zero))
        return base + rise
