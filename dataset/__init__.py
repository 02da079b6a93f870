"""Datasets for candidate training: lazily loaded, with fast batched tf.data pipelines.

``Digits`` (scikit-learn's 8x8 digits) works offline and is the built-in default. ``MNIST``,
``FashionMNIST`` and ``CIFAR10`` read local files (``data_dir``; Debian's ``dataset-fashion-mnist``
for Fashion-MNIST) or fall back to tensorflow-datasets; ``Chars74K``, ``SpeechCommands`` and
``VisualWakeWords`` read the unpacked official archives (or VWW's TFRecords) in ``data_dir``.
Missing data raises ``DatasetUnavailable`` with a one-line message; ``availability.ensure_available``
checks a dataset's files before a search starts. Importing this package does not import TensorFlow.
"""
from .base import Dataset, DatasetUnavailable, Splits
from .chars74k import Chars74K
from .sources import CIFAR10, MNIST, Digits, Dummy, FashionMNIST, load_tfds
from .speech_commands import SpeechCommands
from .visual_wake_words import VisualWakeWords

__all__ = ["Dataset", "DatasetUnavailable", "Splits", "Digits", "MNIST", "FashionMNIST", "CIFAR10",
           "Dummy", "load_tfds", "Chars74K", "SpeechCommands", "VisualWakeWords"]
