"""Concrete datasets: Digits (built in), MNIST, Fashion-MNIST, CIFAR-10 and a Dummy for benchmarks."""
from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Optional

import numpy as np

from .base import Dataset, DatasetUnavailable
from .idx import IDX_FILES, find_idx, load_idx_dir

FASHION_MNIST_DEBIAN_DIR = Path("/usr/share/datasets/fashion-mnist")


def load_tfds(dataset_name: str, display_name: str, *, data_dir=None, download: bool = True,
              looked_in: str = "", hint: str = ""):
    """``x_train, y_train, x_test, y_test`` (uint8 images) through tensorflow-datasets.

    Any failure (no network, not prepared, tfds missing) becomes a one-line ``DatasetUnavailable``
    that says where we looked and what to do, instead of a long TFDS traceback."""
    where = f"{looked_in}; " if looked_in else ""

    def unavailable(reason):
        reason = " ".join(str(reason).split())
        if len(reason) > 200:
            reason = reason[:197] + "..."
        return DatasetUnavailable(
            f"{display_name} is not available: {where}tensorflow-datasets "
            f"({data_dir or 'default data_dir'}, download={download}) failed: {reason}. {hint}".strip())

    try:
        import tensorflow_datasets as tfds
    except ImportError as e:
        raise unavailable(f"cannot import tensorflow_datasets ({e})") from None
    try:
        builder = tfds.builder(dataset_name, data_dir=data_dir)
        if download:
            builder.download_and_prepare()
        out = []
        for split in ("train", "test"):
            # Batches of 4096 concatenated, not batch_size=-1 (which tfds' own mocking cannot serve).
            ds = builder.as_dataset(split=split, as_supervised=True).batch(4096)
            xs, ys = zip(*tfds.as_numpy(ds))
            out += [np.concatenate(xs), np.concatenate(ys)]
        return tuple(out)
    except DatasetUnavailable:
        raise
    except Exception as e:     # noqa: BLE001 - any TFDS failure means "not available here"
        raise unavailable(f"{type(e).__name__}: {e}") from None


def _check_tfds(tfds_name: str, display_name: str, tfds_data_dir, download: bool, how: str):
    """Availability through tensorflow-datasets: prepared already, or downloaded now (online and
    ``download``), in the driver's foreground; otherwise a one-line ``DatasetUnavailable``."""
    from .availability import NETWORK_PROBE_HOST, online, tfds_prepared
    if tfds_prepared(tfds_name, tfds_data_dir):
        return
    if not download:
        raise DatasetUnavailable(f"{display_name} is not available: no local copy and no prepared "
                                 f"tensorflow-datasets copy, and download=False; {how}.")
    if not online():
        raise DatasetUnavailable(f"{display_name} is not available: no local copy, no prepared "
                                 f"tensorflow-datasets copy, and {NETWORK_PROBE_HOST} is "
                                 f"unreachable (offline); {how}.")
    print(f"Downloading {display_name} through tensorflow-datasets (once)...", flush=True)
    try:
        import tensorflow_datasets as tfds
        tfds.builder(tfds_name, data_dir=tfds_data_dir).download_and_prepare()
    except Exception as e:     # noqa: BLE001 - any failure: the data is not there
        reason = " ".join(f"{type(e).__name__}: {e}".split())[:200]
        raise DatasetUnavailable(f"{display_name} is not available: the tensorflow-datasets "
                                 f"download failed ({reason}); {how}.") from None


class Digits(Dataset):
    """scikit-learn's 8x8 handwritten digits (1797 real images shipped with scikit-learn).

    The built-in default: works offline. A fixed, stratified 20 % test split (``test_split``, seeded
    with ``seed``), then ``validation_split`` of the rest for validation. No augmentation: a 2-pixel
    shift is a quarter of an 8x8 image."""
    name = "digits"
    _input_shape = (8, 8, 1)
    _num_classes = 10

    def __init__(self, validation_split: float = 0.1, binary: bool = False, seed: int = 0,
                 test_split: float = 0.2):
        super().__init__(validation_split=validation_split, binary=binary, seed=seed, augment=False)
        self.test_split = test_split

    def _load_arrays(self):
        from sklearn.datasets import load_digits
        from sklearn.model_selection import train_test_split
        x, y = load_digits(return_X_y=True)
        x_train, x_test, y_train, y_test = train_test_split(
            x, y, test_size=self.test_split, random_state=self.seed, stratify=y)
        return x_train, y_train, x_test, y_test

    def _scale(self, x):
        return x.astype(np.float32) / np.float32(16.0)     # pixel values are 0..16


class MNIST(Dataset):
    """MNIST from IDX files in ``data_dir`` (plain or ``.gz``), otherwise through tensorflow-datasets
    (``tfds_data_dir``, downloading when ``download``). μNAS augmentation: rotation by up to 0.2 rad
    with probability 0.3, then a mirror-padded shift of up to 2 pixels. Binary: digit < 5."""
    name = "mnist"
    display_name = "MNIST"
    tfds_name = "mnist"
    default_dirs: tuple = ()
    _input_shape = (28, 28, 1)
    _num_classes = 10
    shift = 2
    rotation_prob = 0.3

    def __init__(self, data_dir=None, binary: bool = False, validation_split: float = 0.1,
                 seed: int = 0, augment: bool = True, tfds_data_dir=None, download: bool = True):
        super().__init__(validation_split=validation_split, binary=binary, seed=seed, augment=augment)
        self.data_dir = None if data_dir is None else Path(os.path.expanduser(str(data_dir)))
        self.tfds_data_dir = tfds_data_dir
        self.download = download

    def _hint(self):
        return (f"Pass {type(self).__name__}(data_dir=DIR) with the IDX files "
                f"({', '.join(s[0] + '[.gz]' for s in IDX_FILES.values())}).")

    # Where to get the IDX archives by hand (the message of a failed availability check).
    source_hint = ("the four *-ubyte.gz files of https://yann.lecun.com/exdb/mnist/ "
                   "(or any mirror)")

    def check_available(self) -> None:
        """Raise a one-line ``DatasetUnavailable`` unless the data loads without surprises: the
        IDX files in ``data_dir`` or a default directory, a prepared tensorflow-datasets copy, or
        (``download=True`` and online) a download made now, in the foreground."""
        expected = ", ".join(s[0] + "[.gz]" for s in IDX_FILES.values())
        if self.data_dir is not None:
            if not all(find_idx(self.data_dir, stems) for stems in IDX_FILES.values()):
                raise DatasetUnavailable(
                    f"{self.display_name} is not available: {self.data_dir} does not hold "
                    f"{expected}; put {self.source_hint} there (gzipped or not).")
            return
        if any(all(find_idx(Path(d), st) for st in IDX_FILES.values()) for d in self.default_dirs):
            return
        _check_tfds(self.tfds_name, self.display_name, self.tfds_data_dir, self.download,
                    f"put {self.source_hint} in a directory DIR and pass "
                    f"{type(self).__name__}(data_dir=DIR) or driver.py --data-dir DIR")

    def _load_arrays(self):
        expected = ", ".join(s[0] + "[.gz]" for s in IDX_FILES.values())
        if self.data_dir is not None:                 # an explicit directory must work, no fallback
            arrays = load_idx_dir(self.data_dir) if self.data_dir.is_dir() else None
            if arrays is None:
                raise DatasetUnavailable(
                    f"{self.display_name} is not available: data_dir {self.data_dir} does not hold "
                    f"the IDX files ({expected}). {self._hint()}")
            return arrays
        looked = []
        for d in self.default_dirs:
            looked.append(str(d))
            if Path(d).is_dir():
                arrays = load_idx_dir(d)
                if arrays is not None:
                    return arrays
        looked_in = f"no IDX files in {', '.join(looked)}" if looked else "no data_dir given"
        return load_tfds(self.tfds_name, self.display_name, data_dir=self.tfds_data_dir,
                         download=self.download, looked_in=looked_in, hint=self._hint())


class FashionMNIST(MNIST):
    """Fashion-MNIST: like MNIST, with a random horizontal flip first (as μNAS). Reads Debian's
    ``dataset-fashion-mnist`` package (``/usr/share/datasets/fashion-mnist/*-ubyte.gz``) by default
    when it is installed. Binary: classes < 5 (tops, trousers, pullover, dress, coat) vs the rest."""
    name = "fashion_mnist"
    display_name = "Fashion-MNIST"
    tfds_name = "fashion_mnist"
    default_dirs = (FASHION_MNIST_DEBIAN_DIR,)
    flip = True

    def _hint(self):
        return super()._hint() + " Or install the Debian package: apt-get install dataset-fashion-mnist."

    source_hint = ("the four *-ubyte.gz files of https://github.com/zalandoresearch/fashion-mnist "
                   "(or apt-get install dataset-fashion-mnist)")


class CIFAR10(Dataset):
    """CIFAR-10 from the python pickle batches in ``data_dir`` (``cifar-10-batches-py``), otherwise
    through tensorflow-datasets. As μNAS: pixels / 255 normalised per channel with ``CHANNEL_MEAN``
    and ``CHANNEL_STD``; augmentation: horizontal flip, then a mirror-padded shift of up to 4 pixels;
    binary: label < 5 (airplane, automobile, bird, cat, deer) vs the rest."""
    name = "cifar10"
    display_name = "CIFAR-10"
    _input_shape = (32, 32, 3)
    _num_classes = 10
    shift = 4
    flip = True
    CHANNEL_MEAN = (0.4914, 0.4822, 0.4465)
    CHANNEL_STD = (0.2023, 0.1994, 0.2010)

    def __init__(self, data_dir=None, binary: bool = False, validation_split: float = 0.1,
                 seed: int = 0, augment: bool = True, tfds_data_dir=None, download: bool = True):
        super().__init__(validation_split=validation_split, binary=binary, seed=seed, augment=augment)
        self.data_dir = None if data_dir is None else Path(os.path.expanduser(str(data_dir)))
        self.tfds_data_dir = tfds_data_dir
        self.download = download

    def _scale(self, x):
        x = super()._scale(x)
        return (x - np.asarray(self.CHANNEL_MEAN, np.float32)) / np.asarray(self.CHANNEL_STD, np.float32)

    def check_available(self) -> None:
        """One-line ``DatasetUnavailable`` unless the python batches are in ``data_dir`` or
        tensorflow-datasets has (or, online with ``download=True``, now downloads) a copy."""
        how = ("unpack cifar-10-python.tar.gz (https://www.cs.toronto.edu/~kriz/cifar.html) into "
               "a directory DIR and pass CIFAR10(data_dir=DIR) or driver.py --data-dir DIR")
        if self.data_dir is not None:
            names = [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]
            root = self.data_dir / "cifar-10-batches-py"
            root = root if root.is_dir() else self.data_dir
            missing = [n for n in names if not (root / n).is_file()]
            if missing:
                raise DatasetUnavailable(f"CIFAR-10 is not available: {root} lacks "
                                         f"{', '.join(missing)}; {how}.")
            return
        _check_tfds("cifar10", self.display_name, self.tfds_data_dir, self.download, how)

    def _load_arrays(self):
        hint = "Pass CIFAR10(data_dir=DIR) with the python batches (data_batch_1..5, test_batch)."
        if self.data_dir is not None:
            root = self.data_dir
            if (root / "cifar-10-batches-py").is_dir():
                root = root / "cifar-10-batches-py"
            names = [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]
            if not all((root / n).is_file() for n in names):
                raise DatasetUnavailable(f"CIFAR-10 is not available: {root} does not hold "
                                         f"{', '.join(names)}. {hint}")
            parts = []
            for n in names:
                with open(root / n, "rb") as f:
                    d = pickle.load(f, encoding="bytes")
                x = np.asarray(d[b"data"], np.uint8).reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
                parts.append((x, np.asarray(d[b"labels"])))
            x_train = np.concatenate([p[0] for p in parts[:5]])
            y_train = np.concatenate([p[1] for p in parts[:5]])
            return x_train, y_train, parts[5][0], parts[5][1]
        return load_tfds("cifar10", self.display_name, data_dir=self.tfds_data_dir,
                         download=self.download, looked_in="no data_dir given", hint=hint)


class Dummy(Dataset):
    """Random images and labels of any shape, for benchmarking the trainer (``length`` training
    images; validation and test sets a tenth of that)."""
    name = "dummy"

    def __init__(self, img_shape=(28, 28, 1), num_classes: int = 10, length: int = 1000,
                 binary: bool = False, seed: int = 0):
        super().__init__(validation_split=0.1, binary=binary, seed=seed, augment=False)
        self._input_shape = tuple(int(d) for d in img_shape)
        self._num_classes = int(num_classes)
        self.length = int(length)

    def _binary_labels(self, y):
        return (y < self._num_classes // 2).astype(np.int32)

    def _load_arrays(self):
        rng = np.random.default_rng(self.seed)
        n_train = int(np.ceil(self.length / (1 - self.validation_split)))
        n_test = max(1, self.length // 10)
        x = rng.integers(0, 256, size=(n_train + n_test,) + self.input_shape, dtype=np.uint8)
        y = rng.integers(0, self._num_classes, size=n_train + n_test)
        return x[:n_train], y[:n_train], x[n_train:], y[n_train:]
