"""The ``Dataset`` base class: lazily loaded in-memory arrays and fast tf.data pipelines.

Every dataset here fits in memory, so a dataset is loaded once (decoded, normalised to float32 in
[0, 1], split) into numpy arrays, and the pipelines gather whole batches from those arrays by
shuffled index. Nothing is decoded per element and augmentation runs once per batch, so the input
pipeline never limits training speed. Constructing a dataset reads nothing: configs build them.
"""
from __future__ import annotations

import copy
import math
import threading
from dataclasses import dataclass
from typing import Dict, Optional, Tuple

import numpy as np


class DatasetUnavailable(RuntimeError):
    """The data cannot be found or fetched; the one-line message says where we looked and what to do."""

    def __str__(self):                      # keep it one line even if a caller passes newlines
        return " ".join(super().__str__().split())


@dataclass
class Splits:
    """The loaded data: float32 images (N, H, W, C), scaled by ``Dataset._scale``, and int32 labels."""
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray


class Dataset:
    """Base class. Subclasses set ``name``, ``_input_shape``, ``_num_classes`` and implement
    ``_load_arrays`` (returns ``x_train, y_train, x_test, y_test`` as uint8/float arrays and int labels).

    ``validation_split`` of the training data is held out, stratified by class, with ``seed``.
    ``binary`` turns the task into two classes via ``_binary_labels``.
    Augmentation (``shift``, ``rotation_prob``, ``flip``) applies to training batches only.
    """
    name = "dataset"
    _input_shape: Tuple[int, int, int] = (0, 0, 0)
    _num_classes: int = 0
    # Augmentation defaults (a subclass or instance may override them).
    shift: int = 0                # random translation of up to this many pixels (each axis)
    rotation_prob: float = 0.0    # probability of a random rotation of up to +-max_rotation_deg
    max_rotation_deg: float = math.degrees(0.2)     # μNAS: 0.2 rad
    flip: bool = False            # random horizontal flip

    def __init__(self, validation_split: float = 0.1, binary: bool = False, seed: int = 0,
                 augment: bool = True):
        if not 0.0 < validation_split < 1.0:
            raise ValueError(f"{type(self).__name__}: validation_split must be in (0, 1), "
                             f"got {validation_split!r}")
        self.validation_split = validation_split
        self.binary = bool(binary)
        self.seed = int(seed)
        self.augment = bool(augment)
        self._splits: Optional[Splits] = None
        self._tensors = None
        self._lock = threading.Lock()

    # --- what the search needs without loading anything ------------------------------------
    @property
    def input_shape(self) -> Tuple[int, int, int]:
        return tuple(self._input_shape)

    @property
    def num_classes(self) -> int:
        return 2 if self.binary else self._num_classes

    def __repr__(self):
        return f"{type(self).__name__}(binary={self.binary}, validation_split={self.validation_split})"

    # Datasets travel to Ray workers by pickle: send the recipe, not the loaded arrays (unless it
    # is a ``travelling_loaded`` copy).
    def __getstate__(self):
        state = self.__dict__.copy()
        if not state.get("_travel_loaded"):
            state["_splits"] = None
        state["_tensors"] = None
        state["_lock"] = None
        return state

    def travelling_loaded(self) -> "Dataset":
        """A copy of this dataset, loaded here, that pickles with its loaded splits (this one is
        left as it was). Put into Ray's object store once, the arrays reach every worker on a
        machine as one shared, read-only copy (no worker reads or decodes its own, though
        TensorFlow still copies them into its tensors), and workers on other machines need no
        copy of the data files."""
        twin = copy.copy(self)
        twin._splits, twin._tensors, twin._lock = None, None, threading.Lock()
        twin._travel_loaded = True
        twin.splits()
        return twin

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._lock = threading.Lock()

    # --- loading -------------------------------------------------------------------------------
    def _load_arrays(self):
        """Return ``x_train, y_train, x_test, y_test`` (images NHWC or NHW, any numeric dtype)."""
        raise NotImplementedError

    def _scale(self, x: np.ndarray) -> np.ndarray:
        """Images to float32 in [0, 1] from uint8 (a dataset may normalise further, as CIFAR-10)."""
        return x.astype(np.float32) / np.float32(255.0)

    def _binary_labels(self, y: np.ndarray) -> np.ndarray:
        """Two-class labels; the MNIST family uses digit < 5 (class 1) vs the rest, as μNAS did."""
        return (y < 5).astype(np.int32)

    def splits(self) -> Splits:
        """The loaded, normalised, split data (loaded on first use, then cached)."""
        if self._splits is None:
            with self._lock:
                if self._splits is None:
                    self._splits = self._prepare()
        return self._splits

    def _prepare(self) -> Splits:
        from sklearn.model_selection import train_test_split

        x_train, y_train, x_test, y_test = self._load_arrays()
        x_train, x_test = (self._as_nhwc(self._scale(np.asarray(x))) for x in (x_train, x_test))
        y_train, y_test = (np.asarray(y).astype(np.int32).reshape(-1) for y in (y_train, y_test))
        if self.binary:
            y_train, y_test = self._binary_labels(y_train), self._binary_labels(y_test)
        x_train, x_val, y_train, y_val = train_test_split(
            x_train, y_train, test_size=self.validation_split, random_state=self.seed,
            stratify=y_train if _can_stratify(y_train, self.validation_split) else None)
        return Splits(*(np.ascontiguousarray(a) for a in
                        (x_train, y_train, x_val, y_val, x_test, y_test)))

    def _as_nhwc(self, x: np.ndarray) -> np.ndarray:
        x = x.astype(np.float32, copy=False)
        return x.reshape((x.shape[0],) + self.input_shape)

    def class_weight(self) -> Dict[int, float]:
        """Balanced class weights (``n / (k * count_c)``, scikit-learn) of the labels of all three
        splits together, as μNAS computed them."""
        from sklearn.utils.class_weight import compute_class_weight

        s = self.splits()
        y = np.concatenate([s.y_train, s.y_val, s.y_test])
        classes = np.arange(self.num_classes)
        present = np.isin(classes, y)
        weights = np.ones(self.num_classes)
        weights[present] = compute_class_weight("balanced", classes=classes[present], y=y)
        return {int(c): float(w) for c, w in zip(classes, weights)}

    # --- tf.data views (unbatched, as the contract says) ----------------------------------------
    def train_dataset(self):
        """Unbatched, unaugmented ``(x, y)`` pairs of the training split."""
        return self._unbatched("train")

    def validation_dataset(self):
        return self._unbatched("validation")

    def test_dataset(self):
        return self._unbatched("test")

    def _arrays(self, split: str):
        s = self.splits()
        try:
            return {"train": (s.x_train, s.y_train), "validation": (s.x_val, s.y_val),
                    "test": (s.x_test, s.y_test)}[split]
        except KeyError:
            raise ValueError(f"unknown split {split!r}; use train, validation or test") from None

    def _unbatched(self, split):
        import tensorflow as tf
        x, y = self._arrays(split)
        return tf.data.Dataset.from_tensor_slices((x, y))

    def _split_tensors(self, split):
        """The arrays as (cached) eager tensors, so pipelines capture them without copying."""
        import tensorflow as tf
        if self._tensors is None:
            self._tensors = {}
        if split not in self._tensors:
            x, y = self._arrays(split)
            with tf.device("/CPU:0"):
                self._tensors[split] = (tf.constant(x), tf.constant(y))
        return self._tensors[split]

    # --- fast batched pipelines (what the trainer uses) ---------------------------------------
    def train_batches(self, batch_size: int, seed: int = 0, class_weight: Optional[dict] = None,
                      augment: Optional[bool] = None):
        """Shuffled (new order each epoch, deterministic per seed), augmented, prefetched batches of
        ``(x, y)``, or ``(x, y, sample_weight)`` when ``class_weight`` is given."""
        import tensorflow as tf
        from . import augment as aug

        x, y = self._split_tensors("train")
        n = int(x.shape[0])
        idx = (tf.data.Dataset.range(n)
               .shuffle(n, seed=seed, reshuffle_each_iteration=True)
               .batch(batch_size))
        cw = None
        if class_weight is not None:
            cw = tf.constant([float(class_weight.get(c, 1.0)) for c in range(self.num_classes)],
                             tf.float32)
        do_augment = self.augment if augment is None else augment
        do_augment = do_augment and (self.shift > 0 or self.rotation_prob > 0 or self.flip)
        params = dict(shift=self.shift, rotation_prob=self.rotation_prob,
                      max_rotation_deg=self.max_rotation_deg, flip=self.flip)

        def gather(i, rnd=None):
            xb, yb = tf.gather(x, i), tf.gather(y, i)
            if rnd is not None:
                xb = aug.augment_batch(xb, tf.stack([rnd, tf.constant(seed, tf.int64)]), **params)
            if cw is None:
                return xb, yb
            return xb, yb, tf.gather(cw, yb)

        if do_augment:
            rnd = tf.data.Dataset.random(seed=seed, rerandomize_each_iteration=True)
            idx = tf.data.Dataset.zip((idx, rnd))
        return idx.map(gather, num_parallel_calls=tf.data.AUTOTUNE).prefetch(tf.data.AUTOTUNE)

    def eval_batches(self, split: str, batch_size: int):
        """Batches of ``(x, y)`` of the validation or test split, in order, cached."""
        import tensorflow as tf
        x, y = self._split_tensors(split)
        return (tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size)
                .cache().prefetch(tf.data.AUTOTUNE))


def _can_stratify(y: np.ndarray, test_size: float) -> bool:
    """Stratify only where scikit-learn can: every class needs 2 members and room in both parts."""
    _, counts = np.unique(y, return_counts=True)
    n_test = int(np.ceil(test_size * len(y)))
    return counts.min() >= 2 and n_test >= len(counts) and len(y) - n_test >= len(counts)
