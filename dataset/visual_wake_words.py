"""Visual Wake Words (person / no person, from COCO 2014), streamed from TFRecords as μNAS reads it.

The records are those of TF-slim's ``download_and_convert_visualwakewords.py``
(``build_visualwakewords_data.py``): ``train.record-*`` from COCO train2014 and ``val.record-*`` from
COCO val2014, each example with ``image/encoded`` (JPEG) and ``image/class/label`` (1 = person).
As in the original: the first ``validation_split`` (10000) training records are the validation set,
the rest train; the val2014 records are the test set. Images are decoded as RGB, centrally
cropped to 87.5 %, bilinearly resized to ``img_size`` (192 x 220 by default) and scaled to [0, 1].
Training images are flipped left-right at random and shifted with mirrored borders (by up to 10 %
of the width along rows and 10 % of the height along columns, the original's padding order).

The set does not fit in memory (82,783 training images), so batches are decoded on the fly.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import List, Optional

import numpy as np

from .base import DatasetUnavailable
from .streamed import StreamedDataset

LABEL_KEY, IMAGE_KEY = "image/class/label", "image/encoded"
CONVERTER = ("tensorflow/models research/slim/download_and_convert_data.py "
             "--dataset_name=visualwakewords (build_visualwakewords_data.py)")
COCO_ARCHIVES = "train2014.zip, val2014.zip and annotations_trainval2014.zip (cocodataset.org)"
SHUFFLE_BATCHES = 8          # the original's trainer shuffled within 8 batches


class VisualWakeWords(StreamedDataset):
    """``VisualWakeWords(data_dir)``: ``data_dir`` holds ``train.record-*`` and ``val.record-*``.
    ``train_size``/``test_size`` (82,783 / 40,504 for the full set) are counted on first use
    unless given."""
    name = "visual_wake_words"
    display_name = "Visual Wake Words"
    shift_fraction = 0.1

    def __init__(self, data_dir, validation_split=10000, img_size=(192, 220),
                 train_size: Optional[int] = None, test_size: Optional[int] = None,
                 seed: int = 0, augment: bool = True):
        super().__init__(seed=seed, augment=augment)
        self.data_dir = Path(os.path.expanduser(str(data_dir)))
        self.validation_split = validation_split
        self.img_size = (int(img_size[0]), int(img_size[1]))
        self.train_size = train_size
        self.test_size = test_size

    def __repr__(self):
        return f"VisualWakeWords({str(self.data_dir)!r}, img_size={self.img_size})"

    @property
    def input_shape(self):
        return self.img_size + (3,)

    @property
    def num_classes(self) -> int:
        return 2

    # --- files -----------------------------------------------------------------------------------
    def records(self, prefix: str) -> List[str]:
        return sorted(p.as_posix() for p in self.data_dir.glob(f"{prefix}.record-*"))

    def check_available(self) -> None:
        """One-line ``DatasetUnavailable`` unless both record sets exist (names only)."""
        missing = [f"{p}.record-*" for p in ("train", "val") if not self.records(p)]
        if missing:
            raise DatasetUnavailable(
                f"Visual Wake Words is not available: no {' or '.join(missing)} in {self.data_dir}; "
                f"make them from COCO 2014 ({COCO_ARCHIVES}) with {CONVERTER} and point data_dir "
                f"(or --data-dir) at its output directory.")

    def _count(self, prefix):
        import tensorflow as tf
        self.check_available()
        return int(tf.data.TFRecordDataset(self.records(prefix)).reduce(
            np.int64(0), lambda n, _: n + 1).numpy())

    def _sizes(self):
        def count():
            train = self.train_size if self.train_size is not None else self._count("train")
            test = self.test_size if self.test_size is not None else self._count("val")
            val = int(self.validation_split * train if self.validation_split < 1.0
                      else self.validation_split)
            if not 0 < val < train:
                raise DatasetUnavailable(f"Visual Wake Words: validation_split {self.validation_split}"
                                         f" leaves no training records of {train} in {self.data_dir}")
            return {"train": train - val, "validation": val, "test": test}
        return self._cached("sizes", count)

    def split_size(self, split: str) -> int:
        return self._sizes()[split]

    def _records(self, split):
        """Serialized examples of a split, in file order, with a known cardinality."""
        import tensorflow as tf
        sizes = self._sizes()
        if split == "test":
            ds = tf.data.TFRecordDataset(self.records("val"))
        else:
            ds = tf.data.TFRecordDataset(self.records("train"))
            ds = ds.take(sizes["validation"]) if split == "validation" else ds.skip(sizes["validation"])
        return ds.apply(tf.data.experimental.assert_cardinality(sizes[split]))

    # --- decoding --------------------------------------------------------------------------------
    def parse(self, record):
        """One serialized example to ``(image float32 img_size x 3 in [0, 1], label int32)``."""
        import tensorflow as tf
        f = tf.io.parse_single_example(record, {LABEL_KEY: tf.io.FixedLenFeature([], tf.int64),
                                                IMAGE_KEY: tf.io.FixedLenFeature([], tf.string)})
        img = tf.io.decode_jpeg(f[IMAGE_KEY], channels=3)
        img = tf.image.central_crop(img, central_fraction=0.875)
        img = tf.image.resize(img, self.img_size) / 255.0
        return img, tf.cast(f[LABEL_KEY], tf.int32)

    def labels_of(self, split: str) -> np.ndarray:
        """Labels of a split, parsed without decoding the images (one pass over its records)."""
        def read():
            import tensorflow as tf
            only = lambda r: tf.cast(tf.io.parse_single_example(  # noqa: E731
                r, {LABEL_KEY: tf.io.FixedLenFeature([], tf.int64)})[LABEL_KEY], tf.int32)
            return np.fromiter(self._records(split).map(only).as_numpy_iterator(), np.int32)
        return self._cached(("labels", split), read)

    # --- pipelines -------------------------------------------------------------------------------
    def train_batches(self, batch_size: int, seed: int = 0, class_weight=None, augment=None):
        """Records shuffled within ``8 * batch_size``, decoded in parallel, batched, flipped and
        shifted when augmenting, as ``(x, y)`` or ``(x, y, sample_weight)``."""
        import tensorflow as tf
        from .shift import random_reflect_shift, with_batch_augmentation

        batches = (self._records("train")
                   .shuffle(SHUFFLE_BATCHES * batch_size, seed=seed, reshuffle_each_iteration=True)
                   .map(self.parse, num_parallel_calls=tf.data.AUTOTUNE).batch(batch_size))
        if self.augment if augment is None else augment:
            max_dy = int(self.img_size[1] * self.shift_fraction)
            max_dx = int(self.img_size[0] * self.shift_fraction)
            batches = with_batch_augmentation(
                batches, seed, lambda x, s: random_reflect_shift(x, s, max_dy, max_dx, flip=True))
        if class_weight is not None:
            cw = tf.constant([float(class_weight.get(c, 1.0)) for c in range(2)], tf.float32)
            batches = batches.map(lambda x, y: (x, y, tf.gather(cw, y)))
        return batches.prefetch(tf.data.AUTOTUNE)

    def eval_batches(self, split: str, batch_size: int):
        """Validation or test batches in record order, decoded each time (they do not fit in memory)."""
        import tensorflow as tf
        if split not in ("validation", "test"):
            raise ValueError(f"unknown evaluation split {split!r}; use validation or test")
        return (self._records(split).map(self.parse, num_parallel_calls=tf.data.AUTOTUNE,
                                         deterministic=True)
                .batch(batch_size).prefetch(tf.data.AUTOTUNE))
