"""Recycling decided by growth: a worker whose resident memory one more candidate would take past
the limit is replaced before it gets there (the memory limit and the candidate count alone never
decide here), and the heap the C allocator holds but no longer uses goes back to the system."""
import subprocess
import sys
import textwrap
from collections import defaultdict
from pathlib import Path

from search_algorithms.points import Point
from search_algorithms.testing import FakeEvaluator, FakeSearchSpace
from search_algorithms.workers import RayPool, Recycling

ROOT = Path(__file__).resolve().parents[1]
GROW_MB = 64
MiB = 2 ** 20


def test_a_growing_worker_is_replaced_before_it_passes_the_limit(local_ray):
    """Each candidate adds 64 MiB to the worker. With the limit at 2.5 candidates' growth above
    a worker's memory after its first candidate, a worker is replaced after its third candidate,
    still under the limit (two more growths would pass it), so no worker ever passes the limit;
    replacing only at the limit would let the fourth candidate take it past."""
    space = FakeSearchSpace()
    pool = RayPool(lambda: FakeEvaluator(grow_mb=GROW_MB), 1)
    outcomes = []
    try:
        pool.submit(Point(id=0, arch=space.random_architecture()))
        while not outcomes:
            outcomes += [o for o in [pool.wait_any(timeout=30)] if o is not None]
        first_rss = outcomes[0].worker_rss
        limit = first_rss + 2.5 * GROW_MB * MiB
        pool.recycling = Recycling(max_rss_mb=limit / MiB)
        for i in range(1, 9):
            pool.submit(Point(id=i, arch=space.random_architecture()))
            outcome = None
            while outcome is None:
                outcome = pool.wait_any(timeout=30)
            outcomes.append(outcome)
    finally:
        pool.shutdown()
    assert [o.point.id for o in outcomes] == list(range(9)) and all(o.point.ok for o in outcomes)
    # the reported figure is the worker's own resident memory: it rises by what each candidate keeps
    by_worker = defaultdict(list)
    for o in outcomes:
        by_worker[o.worker_pid].append(o.worker_rss)
    for rss in by_worker.values():
        for before, after in zip(rss, rss[1:]):
            assert abs((after - before) / MiB - GROW_MB) < 16, rss
    assert [len(rss) for rss in by_worker.values()] == [3, 3, 3]
    assert max(o.worker_rss for o in outcomes) <= limit
    assert len(pool.retired) == 3
    for retired in pool.retired:
        assert retired["served"] == 3 and retired["rss"] <= limit
        assert f"+{GROW_MB} MiB per candidate" in retired["reason"]


def test_release_free_memory_returns_the_allocators_free_pages():
    """glibc keeps freed heap pages that lie below memory still in use; malloc_trim hands them
    back. A process frees 15 of every 16 heap blocks of 1 KiB (about 190 MiB), keeping the rest
    so nothing sits at the top of the heap: its resident memory drops only on the release."""
    script = textwrap.dedent("""
        import gc, psutil
        from search_algorithms.workers import release_free_memory
        rss = lambda: psutil.Process().memory_info().rss / 2 ** 20
        blocks = [bytes([i % 251]) * 1024 for i in range(200_000)]   # malloc'd, not pymalloc
        kept = blocks[::16]
        del blocks
        gc.collect()
        before = rss()
        release_free_memory()
        print(before, rss())
    """)
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, timeout=300, check=True)
    before, after = map(float, out.stdout.split())
    assert before - after > 100, (before, after)
