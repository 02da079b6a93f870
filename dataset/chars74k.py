"""Chars74K, EnglishImg "GoodImg" part: 7705 photographed characters in 62 classes (0-9, A-Z, a-z).

As μNAS loads it: every ``img*.png`` under ``English/Img/GoodImg/Bmp``, label from the file name
(``imgCCC-NNNNN.png`` is class CCC - 1), decoded as RGB, bilinearly resized to ``img_size``, scaled
to [0, 1]; a stratified test split of 2000 images, then a stratified validation split of 705 (both
seeded with ``seed``), leaving 5000 for training. Training images are shifted by up to 10 % of each
side with mirrored borders. Binary task: class < 31 (digits and A-U) is 1, the rest 0.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np

from .base import Dataset, DatasetUnavailable, Splits

GOOD_IMG_SUBDIR = Path("English/Img/GoodImg/Bmp")
NUM_CLASSES = 62
ARCHIVE = "EnglishImg.tgz"
ARCHIVE_URL = "http://www.ee.surrey.ac.uk/CVSSP/demos/chars74k/EnglishImg.tgz"
_FILE_NAME = re.compile(r"^img(\d{3})-\d+\.png$")


class Chars74K(Dataset):
    """``Chars74K(data_dir, img_size=(48, 48), binary=False)``; ``data_dir`` is where
    ``EnglishImg.tgz`` was unpacked (it holds ``English/Img/GoodImg/Bmp``). ``validation_split``
    is a count (the original's 705) or a fraction of the non-test images; so is ``test_size`` (2000)."""
    name = "chars74k"
    display_name = "Chars74K"
    _num_classes = NUM_CLASSES
    shift_fraction = 0.1

    def __init__(self, data_dir, img_size=(48, 48), validation_split=705, binary: bool = False,
                 seed: int = 0, test_size: int = 2000, augment: bool = True):
        super().__init__(validation_split=0.5, binary=binary, seed=seed, augment=augment)
        for field, value in (("validation_split", validation_split), ("test_size", test_size)):
            if not (isinstance(value, int) and value > 0
                    or isinstance(value, float) and 0.0 < value < 1.0):
                raise ValueError(f"Chars74K: {field} must be a count > 0 or a fraction in (0, 1), "
                                 f"got {value!r}")
        self.validation_split = validation_split
        self.test_size = test_size
        self.data_dir = Path(os.path.expanduser(str(data_dir)))
        self.img_size = (int(img_size[0]), int(img_size[1]))

    @property
    def input_shape(self):
        return self.img_size + (3,)

    def __repr__(self):
        return f"Chars74K({str(self.data_dir)!r}, img_size={self.img_size}, binary={self.binary})"

    # --- files ------------------------------------------------------------------------------
    @property
    def image_dir(self) -> Path:
        return self.data_dir / GOOD_IMG_SUBDIR

    def _how(self) -> str:
        return (f"unpack {ARCHIVE} ({ARCHIVE_URL}) into {self.data_dir} so that "
                f"{self.image_dir} holds Sample001..Sample062, or pass another data_dir / --data-dir")

    def check_available(self) -> None:
        """One-line ``DatasetUnavailable`` unless every class has images (reads directory names only)."""
        if not self.image_dir.is_dir():
            raise DatasetUnavailable(f"Chars74K is not available: {self.image_dir} does not exist; "
                                     f"{self._how()}.")
        found = {int(m.group(1)) for p in self.image_dir.glob("Sample*/img*.png")
                 if (m := _FILE_NAME.match(p.name))}
        missing = sorted(set(range(1, NUM_CLASSES + 1)) - found)
        if missing:
            raise DatasetUnavailable(
                f"Chars74K is incomplete: no images of class(es) {missing[:5]}"
                f"{'...' if len(missing) > 5 else ''} under {self.image_dir}; {self._how()}.")
        self._check_split_sizes(sum(1 for p in self.image_dir.glob("Sample*/img*.png")
                                    if _FILE_NAME.match(p.name)))

    def _check_split_sizes(self, n: int) -> None:
        """One line unless ``n`` images make stratified test / validation / training splits with
        every class in each (what scikit-learn's ``train_test_split`` needs), so that a too small
        tree fails here, before any worker starts, not inside each worker."""
        import math
        classes = 2 if self.binary else NUM_CLASSES

        def size(split, total):
            return split if isinstance(split, int) else math.ceil(split * total)

        test = size(self.test_size, n)
        val = size(self.validation_split, n - test)
        train = n - test - val
        if min(test, val, train) < classes:
            raise DatasetUnavailable(
                f"Chars74K under {self.image_dir} has {n} images: too few for a test split of "
                f"{test}, a validation split of {val} and a training split of {train} (each needs "
                f"at least {classes}, one per class); lower test_size/validation_split or "
                f"{self._how()}.")

    def files_and_labels(self):
        """Sorted image paths and their 0-based class labels (62 classes)."""
        self.check_available()
        files = sorted(p for p in self.image_dir.rglob("img*.png") if _FILE_NAME.match(p.name))
        labels = np.array([int(_FILE_NAME.match(p.name).group(1)) - 1 for p in files], np.int32)
        return files, labels

    # --- loading ----------------------------------------------------------------------------
    def _decode_all(self, files) -> np.ndarray:
        """All images decoded to RGB, resized (bilinear, no antialiasing) and scaled to [0, 1]."""
        import tensorflow as tf

        def load(path):
            img = tf.io.decode_png(tf.io.read_file(path), channels=3)
            return tf.image.resize(img, self.img_size) / 255.0

        ds = (tf.data.Dataset.from_tensor_slices([p.as_posix() for p in files])
              .map(load, num_parallel_calls=tf.data.AUTOTUNE, deterministic=True).batch(512))
        return np.concatenate([b.numpy() for b in ds]).astype(np.float32)

    def _binary_labels(self, y):
        return (y < 31).astype(np.int32)

    def _prepare(self) -> Splits:
        from sklearn.model_selection import train_test_split

        files, y = self.files_and_labels()
        x = self._decode_all(files)
        if self.binary:
            y = self._binary_labels(y)
        x_rest, x_test, y_rest, y_test = train_test_split(
            x, y, test_size=self.test_size, random_state=self.seed, stratify=y)
        x_train, x_val, y_train, y_val = train_test_split(
            x_rest, y_rest, test_size=self.validation_split, random_state=self.seed, stratify=y_rest)
        return Splits(*(np.ascontiguousarray(a) for a in
                        (x_train, y_train, x_val, y_val, x_test, y_test)))

    # --- augmentation -----------------------------------------------------------------------
    def train_batches(self, batch_size: int, seed: int = 0, class_weight=None, augment=None):
        """The base class's shuffled batches, shifted by up to 10 % with mirrored borders."""
        from .shift import random_reflect_shift, with_batch_augmentation

        batches = super().train_batches(batch_size, seed=seed, class_weight=class_weight,
                                        augment=False)
        if not (self.augment if augment is None else augment):
            return batches
        # The original pads rows by 10 % of the width and columns by 10 % of the height.
        max_dy = int(self.img_size[1] * self.shift_fraction)
        max_dx = int(self.img_size[0] * self.shift_fraction)
        return with_batch_augmentation(
            batches, seed, lambda x, s: random_reflect_shift(x, s, max_dy, max_dx))
