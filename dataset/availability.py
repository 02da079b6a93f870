"""Checking that a dataset's files are there before a search starts any worker.

Loading happens lazily inside the workers, so a missing directory would otherwise surface only
after Ray has started, minutes into a run (and tensorflow-datasets retries downloads for minutes
offline). ``ensure_available`` runs in the driver: it looks at the file system only (plus one short
network probe where a dataset may legitimately be downloaded), and returns a one-line problem.
"""
from __future__ import annotations

import os
import socket
import threading
from pathlib import Path
from typing import Optional

from .base import DatasetUnavailable

NETWORK_PROBE_HOST = "storage.googleapis.com"   # where tensorflow-datasets downloads from
NETWORK_PROBE_TIMEOUT_S = 3.0


def online(host: str = NETWORK_PROBE_HOST, timeout: float = NETWORK_PROBE_TIMEOUT_S) -> bool:
    """True when a TCP connection to ``host``:443 opens within ``timeout`` seconds (DNS included:
    the probe runs in a daemon thread, so a hanging resolver cannot stall the caller)."""
    result = []

    def probe():
        try:
            socket.create_connection((host, 443), timeout=timeout).close()
            result.append(True)
        except OSError:
            result.append(False)

    t = threading.Thread(target=probe, daemon=True)
    t.start()
    t.join(timeout + 1.0)
    return bool(result and result[0])


def tfds_prepared(name: str, data_dir=None) -> bool:
    """Whether tensorflow-datasets has ``name`` prepared in ``data_dir`` (or its default directory):
    a ``<dir>/<name>/<version>/dataset_info.json`` exists. Reads no data, imports nothing."""
    root = Path(data_dir or os.environ.get("TFDS_DATA_DIR") or Path.home() / "tensorflow_datasets")
    root = Path(os.path.expanduser(str(root)))
    return any((root / name).glob("*/dataset_info.json")) or \
        any((root / name).glob("*/*/dataset_info.json"))   # configs such as mnist/1.0.0 vs x/cfg/1.0.0


def set_data_dir(dataset, data_dir) -> None:
    """Point ``dataset`` at ``data_dir`` (the driver's ``--data-dir``); its files are read later."""
    if not hasattr(dataset, "data_dir"):
        raise DatasetUnavailable(f"{type(dataset).__name__} reads no data directory; "
                                 f"--data-dir {data_dir} cannot apply to it")
    dataset.data_dir = Path(os.path.expanduser(str(data_dir)))


def ensure_available(dataset, data_dir=None) -> Optional[str]:
    """None when ``dataset`` can load, otherwise one line saying what is missing and how to get it.

    Datasets without a ``check_available`` method (Digits, Dummy) need no files. A dataset that may
    download (MNIST and CIFAR-10 through tensorflow-datasets when no local copy exists) downloads
    here, in the foreground with its progress bar, rather than silently inside every worker."""
    try:
        if data_dir is not None:
            set_data_dir(dataset, data_dir)
        check = getattr(dataset, "check_available", None)
        if check is not None:
            check()
    except DatasetUnavailable as e:
        return str(e)
    return None
