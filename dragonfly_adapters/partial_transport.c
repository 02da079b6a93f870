/* Many small partial transport problems, exactly, in one call (dragonfly_adapters/transport.py).
 *
 * Problem p: gains g (n x m, row-major; only g < 0 is a pair that may exchange mass), row masses
 * r (n), column masses c (m). Value: min sum x_ij g_ij over x >= 0 with row sums <= r_i and
 * column sums <= c_j.
 *
 * Posed as dragonfly poses it, a balanced transportation problem: the useful rows (mass > 0 and
 * a pair with g < 0) plus a null row holding the columns' total, the useful columns plus a null
 * column holding the rows' total; cost min(g, 0) between real layers, 0 to or from a null layer.
 * Solved by the transportation simplex: a least-cost starting basis (cells in increasing cost,
 * one line retired per cell, so the basis is a spanning tree of N + M - 1 cells, degenerate
 * cells included), then MODI pivots (the most negative reduced cost enters, the cycle's least
 * flow on a losing cell leaves) until no reduced cost is below -1e-12. The value is summed from
 * the final plan's real cells.
 *
 * A problem that needs more than MAX_PIVOTS(N, M) pivots (never seen; a guard against cycling on
 * degenerate bases) gets NAN: the caller solves it with POT.
 */
#include <math.h>
#include <stdlib.h>

#define MAX_PIVOTS(N, M) (50 * ((N) + (M)) + 100)
#define PRICE_TOL 1e-12

typedef struct {
    double key;
    long cell;
} keyed_t;

typedef struct {
    keyed_t *order;       /* N x M cells by cost */
    double *cost;         /* N x M */
    double *supply, *demand, *u, *v, *bx, *extra;
    long *bi, *bj, *row_head, *col_head, *row_next, *col_next, *queue, *via, *col_of;
    char *alive, *seen;
} work_t;

static int by_cost(const void *a, const void *b)
{
    const keyed_t *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return (x->cell > y->cell) - (x->cell < y->cell);
}

/* w->order: the cells by increasing cost. Only cells that save (cost < 0) need sorting: the
 * others (the null layers' cells included) cost 0 and follow in index order. */
static void sort_cells(work_t *w, long N, long M)
{
    long k, neg = 0, zero;
    for (k = 0; k < N * M; k++)
        if (w->cost[k] < 0.0) { w->order[neg].key = w->cost[k]; w->order[neg].cell = k; neg++; }
    zero = neg;
    for (k = 0; k < N * M; k++)
        if (!(w->cost[k] < 0.0)) { w->order[zero].key = 0.0; w->order[zero].cell = k; zero++; }
    if (neg > 48) {
        qsort(w->order, (size_t)neg, sizeof(keyed_t), by_cost);
        return;
    }
    for (k = 1; k < neg; k++) {  /* insertion sort: stable, as qsort's tie-break on the cell */
        keyed_t x = w->order[k];
        long i = k - 1;
        while (i >= 0 && w->order[i].key > x.key) { w->order[i + 1] = w->order[i]; i--; }
        w->order[i + 1] = x;
    }
}

/* Rebuilds the per-row and per-column lists of the B basic cells. */
static void link_basis(work_t *w, long N, long M, long B)
{
    long k;
    for (k = 0; k < N; k++) w->row_head[k] = -1;
    for (k = 0; k < M; k++) w->col_head[k] = -1;
    for (k = 0; k < B; k++) {
        w->row_next[k] = w->row_head[w->bi[k]]; w->row_head[w->bi[k]] = k;
        w->col_next[k] = w->col_head[w->bj[k]]; w->col_head[w->bj[k]] = k;
    }
}

/* Tree search from row `start` over the basic cells: nodes 0..N-1 rows, N..N+M-1 columns;
 * via[node] = the cell it was reached by. With duals: u_i + v_j = cost_ij on basic cells. Stops
 * early once `goal` is reached (goal < 0: visit all). */
static void search_tree(work_t *w, long N, long M, long start, long goal, int duals)
{
    long head = 0, tail = 0, node, k;
    for (node = 0; node < N + M; node++) w->seen[node] = 0;
    w->queue[tail++] = start;
    w->seen[start] = 1;
    w->via[start] = -1;
    if (duals) w->u[start] = 0.0;
    while (head < tail) {
        node = w->queue[head++];
        if (node == goal) return;
        if (node < N) {
            for (k = w->row_head[node]; k >= 0; k = w->row_next[k]) {
                long col = N + w->bj[k];
                if (w->seen[col]) continue;
                w->seen[col] = 1; w->via[col] = k; w->queue[tail++] = col;
                if (duals) w->v[w->bj[k]] = w->cost[node * M + w->bj[k]] - w->u[node];
            }
        } else {
            for (k = w->col_head[node - N]; k >= 0; k = w->col_next[k]) {
                long row = w->bi[k];
                if (w->seen[row]) continue;
                w->seen[row] = 1; w->via[row] = k; w->queue[tail++] = row;
                if (duals) w->u[row] = w->cost[row * M + (node - N)] - w->v[node - N];
            }
        }
    }
}

/* The balanced problem in w->cost / supply / demand: its optimal plan's cost on real cells (the
 * last row and column are the null layers), or NAN after too many pivots. */
static double simplex(work_t *w, long N, long M)
{
    long B = 0, k, i, j, rows_left = N, cols_left = M, pivots = 0;
    double value = 0.0;

    /* least-cost starting basis */
    sort_cells(w, N, M);
    for (k = 0; k < N; k++) w->alive[k] = 1;
    for (k = 0; k < M; k++) w->alive[N + k] = 1;
    for (k = 0; k < N * M && rows_left && cols_left; k++) {
        double q;
        i = w->order[k].cell / M; j = w->order[k].cell % M;
        if (!w->alive[i] || !w->alive[N + j]) continue;
        q = w->supply[i] < w->demand[j] ? w->supply[i] : w->demand[j];
        w->bi[B] = i; w->bj[B] = j; w->bx[B] = q; B++;
        w->supply[i] -= q; w->demand[j] -= q;
        if (rows_left == 1 && cols_left == 1) { rows_left = cols_left = 0; break; }
        if ((w->supply[i] <= w->demand[j] && rows_left > 1) || cols_left == 1) {
            w->alive[i] = 0; rows_left--;
        } else {
            w->alive[N + j] = 0; cols_left--;
        }
    }

    for (;;) {
        double best = -PRICE_TOL, theta;
        long ei = -1, ej = -1, leave = -1, node, sign;
        link_basis(w, N, M, B);
        search_tree(w, N, M, 0, -1, 1);
        for (i = 0; i < N; i++) {
            const double *ci = w->cost + i * M, ui = w->u[i];
            for (j = 0; j < M; j++) {
                double rc = ci[j] - ui - w->v[j];
                if (rc < best) { best = rc; ei = i; ej = j; }
            }
        }
        if (ei < 0) break;
        if (++pivots > MAX_PIVOTS(N, M)) return NAN;
        /* the cycle: entering (ei, ej), then the tree path from column ej back to row ei */
        search_tree(w, N, M, ei, N + ej, 0);
        theta = INFINITY;
        sign = -1;
        for (node = N + ej; node != ei; sign = -sign) {
            k = w->via[node];
            if (sign < 0 && w->bx[k] < theta) { theta = w->bx[k]; leave = k; }
            node = node >= N ? w->bi[k] : N + w->bj[k];
        }
        sign = -1;
        for (node = N + ej; node != ei; sign = -sign) {
            k = w->via[node];
            w->bx[k] += sign < 0 ? -theta : theta;
            node = node >= N ? w->bi[k] : N + w->bj[k];
        }
        w->bi[leave] = ei; w->bj[leave] = ej; w->bx[leave] = theta;
    }
    for (k = 0; k < B; k++)
        if (w->bi[k] < N - 1 && w->bj[k] < M - 1 && w->bx[k] > 0.0)
            value += w->bx[k] * w->cost[w->bi[k] * M + w->bj[k]];
    return value;
}

/* One problem: its useful rows and columns (the caller pads problems to a common width with
 * massless columns) and the null layers, then the simplex. */
static double solve_one(work_t *w, long n, long m, const double *g, const double *r0,
                        const double *c0)
{
    long *col_of = w->col_of;
    long i, j, nn = 0, mm = 0, N, M;
    double R = 0.0, D = 0.0;
    for (j = 0; j < m; j++) {
        int used = 0;
        if (c0[j] > 0.0)
            for (i = 0; i < n && !used; i++) used = r0[i] > 0.0 && g[i * m + j] < 0.0;
        if (used) col_of[mm++] = j;
    }
    if (!mm) return 0.0;
    M = mm + 1;
    for (i = 0; i < n; i++) {
        int used = 0;
        if (!(r0[i] > 0.0)) continue;
        for (j = 0; j < mm && !used; j++) used = g[i * m + col_of[j]] < 0.0;
        if (!used) continue;
        for (j = 0; j < mm; j++) {
            double gij = g[i * m + col_of[j]];
            w->cost[nn * M + j] = gij < 0.0 ? gij : 0.0;
        }
        w->cost[nn * M + mm] = 0.0;
        w->supply[nn++] = r0[i];
        R += r0[i];
    }
    N = nn + 1;
    for (j = 0; j < mm; j++) {
        w->cost[nn * M + j] = 0.0;
        w->demand[j] = c0[col_of[j]];
        D += c0[col_of[j]];
    }
    w->cost[nn * M + mm] = 0.0;
    w->supply[nn] = D;
    w->demand[mm] = R;
    return simplex(w, N, M);
}

/* Workspace for problems of at most n rows and m columns (plus the null layers), with `extra`
 * doubles at w->extra (the caller's own), freed by work_free. 0 when out of memory. */
static int work_alloc(work_t *w, long n, long m, long extra)
{
    long N = n + 1, M = m + 1, B = N + M;
    double *d = malloc(sizeof(double) * (size_t)(N * M + 2 * (N + M) + B + extra + 1));
    long *l = malloc(sizeof(long) * (size_t)(4 * B + 3 * (N + M) + m));
    char *c = malloc((size_t)(2 * (N + M)));
    keyed_t *o = malloc(sizeof(keyed_t) * (size_t)(N * M));
    if (!d || !l || !c || !o) { free(d); free(l); free(c); free(o); return 0; }
    w->cost = d; w->supply = d + N * M; w->demand = w->supply + N; w->u = w->demand + M;
    w->v = w->u + N; w->bx = w->v + M; w->extra = w->bx + B;
    w->order = o; w->bi = l; w->bj = w->bi + B; w->row_head = w->bj + B;
    w->col_head = w->row_head + N; w->row_next = w->col_head + M; w->col_next = w->row_next + B;
    w->queue = w->col_next + B; w->via = w->queue + N + M; w->col_of = w->via + N + M;
    w->alive = c; w->seen = c + N + M;
    return 1;
}

static void work_free(work_t *w)
{
    free(w->cost); free(w->bi); free(w->alive); free(w->order);
}

/* Solves P problems laid out contiguously (gains P x n x m, rows P x n, columns P x m) into
 * out (P). Returns the number of problems left NAN (see above), or -1 when out of memory. */
long partial_transports(long P, long n, long m, const double *gains, const double *rows,
                        const double *cols, double *out)
{
    long p, left = 0;
    work_t w;
    if (!work_alloc(&w, n, m, 0)) return -1;
    for (p = 0; p < P; p++) {
        out[p] = solve_one(&w, n, m, gains + p * n * m, rows + p * n, cols + p * m);
        if (isnan(out[p])) left++;
    }
    work_free(&w);
    return left;
}

/* The problems of one label group of one network against H others, gathered here from the
 * group's cost block: cost (K x n x L; the group's n layers of this network against the L layers
 * of all others, side by side), row masses r (n), per other network h its layers' indices
 * pad (H x w, the first counts[h] valid) into the block's columns and their masses (L).
 * Problem (k, h): gains cost[k][i][pad[h][j]] - 2 (a pair may exchange mass where that is < 0),
 * rows r, columns masses[pad[h][j]]. out: K x H values. Returns as partial_transports. */
long group_transports(long K, long n, long L, const double *cost, const double *r, long H,
                      long w, const long *pad, const long *counts, const double *masses,
                      double *out)
{
    long k, h, i, j, left = 0;
    work_t ws;
    double *g, *cols;
    if (!work_alloc(&ws, n, w, n * w + w)) return -1;
    g = ws.extra;
    cols = g + n * w;
    for (k = 0; k < K; k++) {
        const double *ck = cost + k * n * L;
        for (h = 0; h < H; h++) {
            const long *ph = pad + h * w;
            long m = counts[h] < w ? counts[h] : w;
            for (i = 0; i < n; i++)
                for (j = 0; j < m; j++) g[i * m + j] = ck[i * L + ph[j]] - 2.0;
            for (j = 0; j < m; j++) cols[j] = masses[ph[j]];
            out[k * H + h] = m ? solve_one(&ws, n, m, g, r, cols) : 0.0;
            if (isnan(out[k * H + h])) left++;
        }
    }
    work_free(&ws);
    return left;
}
