"""Base for datasets whose training inputs are made per batch (Speech Commands, Visual Wake Words).

Unlike ``Dataset`` (fixed arrays augmented per batch), these compute features from raw data on the
fly (audio mixed with noise, then MFCCs) or stream from files (VWW's TFRecords do not fit in
memory), so they expose no ``splits()``. What the trainer needs is the same: ``train_batches``,
``eval_batches``, ``class_weight``, and unbatched ``*_dataset`` views of known cardinality.
Constructing one reads nothing; pickling (to Ray workers) sends the recipe, not loaded data.
"""
from __future__ import annotations

import threading
from typing import Dict

import numpy as np

_CACHE_ATTRS = ("_loaded", "_lock")


class StreamedDataset:
    name = "streamed"
    display_name = "dataset"

    def __init__(self, seed: int = 0, augment: bool = True):
        self.seed = int(seed)
        self.augment = bool(augment)
        self._loaded = {}                     # anything loaded on first use, dropped on pickle
        self._lock = threading.RLock()

    def __getstate__(self):
        state = self.__dict__.copy()
        for a in _CACHE_ATTRS:
            state[a] = None
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._loaded = {}
        self._lock = threading.RLock()

    def _cached(self, key, compute):
        """``compute()`` once per process (thread-safe), then its cached result."""
        if key not in self._loaded:
            with self._lock:
                if key not in self._loaded:
                    self._loaded[key] = compute()
        return self._loaded[key]

    # --- what subclasses provide ---------------------------------------------------------------
    @property
    def input_shape(self):
        raise NotImplementedError

    @property
    def num_classes(self) -> int:
        raise NotImplementedError

    def labels_of(self, split: str) -> np.ndarray:
        """Labels of ``train``, ``validation`` or ``test`` (no features computed)."""
        raise NotImplementedError

    def train_labels(self) -> np.ndarray:
        return self.labels_of("train")

    def train_batches(self, batch_size: int, seed: int = 0, class_weight=None, augment=None):
        raise NotImplementedError

    def eval_batches(self, split: str, batch_size: int):
        raise NotImplementedError

    # --- shared ----------------------------------------------------------------------------------
    def class_weight(self) -> Dict[int, float]:
        """Balanced class weights (``n / (k * count_c)``) of the labels of all three splits
        together, as μNAS computed them."""
        from sklearn.utils.class_weight import compute_class_weight

        y = np.concatenate([self.labels_of(s) for s in ("train", "validation", "test")])
        classes = np.arange(self.num_classes)
        present = np.isin(classes, y)
        weights = np.ones(self.num_classes)
        weights[present] = compute_class_weight("balanced", classes=classes[present], y=y)
        return {int(c): float(w) for c, w in zip(classes, weights)}

    def train_dataset(self):
        """Unbatched, augmented ``(x, y)`` training pairs (cardinality known)."""
        import tensorflow as tf
        n = len(self.train_labels())
        return (self.train_batches(256, seed=self.seed).map(lambda x, y: (x, y)).unbatch()
                .apply(tf.data.experimental.assert_cardinality(n)))

    def validation_dataset(self):
        return self._eval_unbatched("validation")

    def test_dataset(self):
        return self._eval_unbatched("test")

    def _eval_unbatched(self, split):
        import tensorflow as tf
        n = self.split_size(split)
        return self.eval_batches(split, 256).unbatch().apply(
            tf.data.experimental.assert_cardinality(n))

    def split_size(self, split: str) -> int:
        raise NotImplementedError
