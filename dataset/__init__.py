"""Datasets for candidate training: lazily loaded, in memory, with fast batched tf.data pipelines.

``Digits`` (scikit-learn's 8x8 digits) works offline and is the built-in default. ``MNIST``,
``FashionMNIST`` and ``CIFAR10`` read local files (``data_dir``; Debian's ``dataset-fashion-mnist``
for Fashion-MNIST) or fall back to tensorflow-datasets; when neither works they raise
``DatasetUnavailable`` with a one-line message. Importing this package does not import TensorFlow.
"""
from .base import Dataset, DatasetUnavailable, Splits
from .sources import CIFAR10, MNIST, Digits, Dummy, FashionMNIST, load_tfds

__all__ = ["Dataset", "DatasetUnavailable", "Splits", "Digits", "MNIST", "FashionMNIST", "CIFAR10",
           "Dummy", "load_tfds"]
