"""Reading the IDX files of MNIST-style datasets (plain or gzip-compressed)."""
from __future__ import annotations

import gzip
from pathlib import Path
from typing import Iterable, Optional

import numpy as np

_DTYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def read_idx(path) -> np.ndarray:
    """The array stored in an IDX file (``.gz`` is decompressed)."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as f:
        data = f.read()
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] not in _DTYPES:
        raise ValueError(f"{path}: not an IDX file")
    ndim = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    dtype = np.dtype(_DTYPES[data[2]])
    offset = 4 + 4 * ndim
    arr = np.frombuffer(data, dtype=dtype, offset=offset, count=int(np.prod(shape)))
    return arr.reshape(shape).astype(dtype.newbyteorder("="), copy=False)


def write_idx(path, array: np.ndarray) -> None:
    """Write a uint8 array as an IDX file (gzip when the name ends in ``.gz``); used by tests."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wb") as f:
        f.write(header + array.tobytes())


def find_idx(directory: Path, stems: Iterable[str]) -> Optional[Path]:
    """First existing file among ``stem``, ``stem.gz`` for the given stems (naming varies by source:
    ``train-images-idx3-ubyte`` upstream and in Debian, ``train-images.idx3-ubyte`` in some mirrors)."""
    for stem in stems:
        for name in (stem, stem + ".gz"):
            if (directory / name).is_file():
                return directory / name
    return None


IDX_FILES = {
    "x_train": ("train-images-idx3-ubyte", "train-images.idx3-ubyte"),
    "y_train": ("train-labels-idx1-ubyte", "train-labels.idx1-ubyte"),
    "x_test": ("t10k-images-idx3-ubyte", "t10k-images.idx3-ubyte"),
    "y_test": ("t10k-labels-idx1-ubyte", "t10k-labels.idx1-ubyte"),
}


def load_idx_dir(directory) -> Optional[tuple]:
    """``x_train, y_train, x_test, y_test`` from a directory of IDX files, or None if any is missing."""
    directory = Path(directory)
    paths = {k: find_idx(directory, stems) for k, stems in IDX_FILES.items()}
    if any(p is None for p in paths.values()):
        return None
    return tuple(read_idx(paths[k]) for k in ("x_train", "y_train", "x_test", "y_test"))
