"""Download a dataset's official archive into a directory, by hand, before a search.

    python -m dataset.fetch speech_commands DIR      # then SpeechCommands(DIR)
    python -m dataset.fetch chars74k DIR             # then Chars74K(DIR)
    python -m dataset.fetch mnist|fashion_mnist|cifar10 DIR

Shows a progress bar, checks the SHA-256 against the one tensorflow-datasets records for the same
file where it has one (otherwise prints the digest), and unpacks archives into DIR. Searches never
download; this is the explicit step. Any failure (offline, bad checksum) is one line, exit 2.
Visual Wake Words cannot be fetched: it is built from COCO 2014 by TF-slim's converter.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import tarfile
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional, Tuple

_MNIST = "https://storage.googleapis.com/cvdf-datasets/mnist/"
_FASHION = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"
_IDX = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")

#: name -> (files to download: URL, unpack?) and the tensorflow-datasets checksum list to trust.
SOURCES: Dict[str, Tuple[List[Tuple[str, bool]], Optional[str]]] = {
    "speech_commands": ([("https://storage.googleapis.com/download.tensorflow.org/data/"
                          "speech_commands_v0.02.tar.gz", True)],
                        "datasets/speech_commands/checksums.tsv"),
    "chars74k": ([("http://www.ee.surrey.ac.uk/CVSSP/demos/chars74k/EnglishImg.tgz", True)], None),
    "mnist": ([(_MNIST + f, False) for f in _IDX], "url_checksums/mnist.txt"),
    "fashion_mnist": ([(_FASHION + f, False) for f in _IDX], "url_checksums/fashion_mnist.txt"),
    "cifar10": ([("https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz", True)], None),
}


class FetchError(RuntimeError):
    pass


def known_sha256(checksum_list: Optional[str], file_name: str) -> Optional[str]:
    """The SHA-256 tensorflow-datasets records for ``file_name`` (its lines: URL, size, digest,
    name), or None when it has none or is not installed."""
    if checksum_list is None:
        return None
    try:
        import importlib.util
        spec = importlib.util.find_spec("tensorflow_datasets")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / checksum_list
    if not path.is_file():
        return None
    for line in path.read_text().splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0].rsplit("/", 1)[-1] == file_name:
            return parts[2]
    return None


def download(url: str, dest: Path, timeout: float = 30.0) -> str:
    """``url`` to ``dest`` (via ``dest.part``) with a progress bar; returns the SHA-256."""
    from tqdm import tqdm
    part = dest.with_name(dest.name + ".part")
    digest = hashlib.sha256()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, open(part, "wb") as out:
            total = int(response.headers.get("Content-Length") or 0) or None
            with tqdm(total=total, unit="B", unit_scale=True, desc=dest.name) as bar:
                while chunk := response.read(1 << 20):
                    out.write(chunk)
                    digest.update(chunk)
                    bar.update(len(chunk))
    except OSError as e:               # URLError, timeouts, disk errors
        part.unlink(missing_ok=True)
        reason = getattr(e, "reason", e)
        raise FetchError(f"cannot download {url}: {reason}") from None
    part.replace(dest)
    return digest.hexdigest()


def fetch(name: str, directory) -> None:
    if name not in SOURCES:
        raise FetchError(f"unknown dataset {name!r}; choose one of {', '.join(SOURCES)}"
                         + (" (Visual Wake Words is built from COCO 2014 with TF-slim's "
                            "build_visualwakewords_data.py)" if "wake" in name or "vww" in name
                            else ""))
    files, checksum_list = SOURCES[name]
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for url, unpack in files:
        dest = directory / url.rsplit("/", 1)[-1]
        got = download(url, dest)
        expected = known_sha256(checksum_list, dest.name)
        if expected is not None and got != expected:
            raise FetchError(f"{dest} has SHA-256 {got}, expected {expected}; delete it and retry")
        print(f"{dest.name}: SHA-256 {got} ({'verified' if expected else 'no recorded digest'})")
        if unpack:
            print(f"unpacking {dest.name} into {directory} ...", flush=True)
            with tarfile.open(dest) as tar:
                tar.extractall(directory, filter="data")
    print(f"done: {name} in {directory}")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m dataset.fetch", description=__doc__.split("\n")[0])
    p.add_argument("name", help=", ".join(SOURCES))
    p.add_argument("directory")
    args = p.parse_args(argv)
    try:
        fetch(args.name, args.directory)
    except FetchError as e:
        print(f"error: {' '.join(str(e).split())}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
