"""Workers get the dataset from the driver: loaded once, one read-only copy in Ray's object store
for all of them (issue 21, item 3), and the same arrays as a worker's own load."""
import os
import pickle

import keras
import numpy as np
import pytest

from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, TrainingConfig
from search_algorithms import AgingEvoSearch
from search_algorithms.testing import CountingDummy


def test_a_travelling_copy_pickles_with_its_arrays_and_the_original_without(tmp_path):
    log = tmp_path / "loads"
    ds = CountingDummy(str(log), img_shape=(8, 8, 1), length=300)
    twin = ds.travelling_loaded()
    assert ds._splits is None                       # the original is left unloaded
    assert len(pickle.dumps(twin)) > 300 * 64 * 4 > len(pickle.dumps(ds))
    arrived = pickle.loads(pickle.dumps(twin))
    own = pickle.loads(pickle.dumps(ds)).splits()   # a worker's own load, for comparison
    for name in ("x_train", "y_train", "x_val", "y_val", "x_test", "y_test"):
        np.testing.assert_array_equal(getattr(arrived.splits(), name), getattr(own, name))
    assert log.read_text().split("\n").count(f"load {os.getpid()}") == 2  # twin, then own


@pytest.mark.parametrize("share", [True, False])
def test_workers_train_on_the_drivers_single_copy(tmp_path, local_ray, share):
    log = tmp_path / "loads"
    training = TrainingConfig(dataset=CountingDummy(str(log), img_shape=(8, 8, 1), length=200),
                              optimizer=lambda: keras.optimizers.Adam(0.01), batch_size=64,
                              epochs=1)
    space = CnnSearchSpace(input_shape=(8, 8, 1), num_classes=10)
    search = AgingEvoConfig(search_space=space, population_size=2, sample_size=1,
                            initial_population_size=2, rounds=2, max_parallel_evaluations=2,
                            checkpoint_dir=str(tmp_path), share_dataset=share)
    s = AgingEvoSearch("shared", search, training, BoundConfig(error_bound=1.0), seed=1)
    s.search()
    assert len(s.history) == 2 and all(p.ok for p in s.history)
    lines = [line.split() for line in log.read_text().splitlines()]
    loads = [int(pid) for kind, pid, *_ in lines if kind == "load"]
    tensors = {(int(pid), flag) for kind, pid, *rest in lines if kind == "tensors"
               for flag in rest}
    workers = {pid for pid, _ in tensors}
    assert workers and os.getpid() not in workers    # the workers trained
    if share:
        assert loads == [os.getpid()]                # the driver loaded it, once
        assert tensors == {(pid, "False") for pid in workers}  # the shared read-only copy
    else:
        assert sorted(loads) == sorted(workers)      # each worker loaded its own
        assert tensors == {(pid, "True") for pid in workers}
