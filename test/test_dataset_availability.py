"""The checks that decide, before any worker starts, whether a dataset can load or be fetched:
the network probe, tensorflow-datasets' prepared copies, the foreground download, and the unpacking
of fetched archives (which must never write outside the target directory)."""
import io
import socket
import tarfile

import pytest

from dataset import MNIST, DatasetUnavailable
from dataset import availability, fetch
from dataset.availability import online, tfds_prepared


def redirect_port_443(monkeypatch, port):
    """Connections to port 443 go to ``port`` on this machine (the probe's real target, served)."""
    real = socket.create_connection

    def create_connection(address, *args, **kwargs):
        host, target = address
        return real(("127.0.0.1", port) if target == 443 else address, *args, **kwargs)
    monkeypatch.setattr(socket, "create_connection", create_connection)


def test_online_is_true_only_when_a_connection_opens(monkeypatch):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    redirect_port_443(monkeypatch, port)
    try:
        assert online("localhost", timeout=5.0) is True
    finally:
        server.close()
    assert online("localhost", timeout=5.0) is False          # the port now refuses
    assert online("host.invalid", timeout=5.0) is False       # no such name (RFC 2606)


def test_tfds_prepared_reads_tensorflow_datasets_own_layout(tmp_path):
    """Prepared means what tensorflow-datasets itself looks for: dataset_info.json in the
    builder's versioned data directory."""
    import tensorflow_datasets as tfds
    assert not tfds_prepared("mnist", tmp_path)
    builder = tfds.builder("mnist", data_dir=str(tmp_path))
    version_dir = tmp_path / "mnist" / str(builder.version)
    version_dir.mkdir(parents=True)
    assert not tfds_prepared("mnist", tmp_path)               # a directory alone is not a copy
    (version_dir / "dataset_info.json").write_text("{}")
    assert tfds_prepared("mnist", tmp_path)
    assert not tfds_prepared("fashion_mnist", tmp_path)


def test_tfds_prepared_follows_the_environment_default(tmp_path, monkeypatch):
    (tmp_path / "cifar10" / "3.0.2").mkdir(parents=True)
    (tmp_path / "cifar10" / "3.0.2" / "dataset_info.json").write_text("{}")
    monkeypatch.setenv("TFDS_DATA_DIR", str(tmp_path))
    assert tfds_prepared("cifar10") and not tfds_prepared("mnist")


@pytest.fixture
def downloads(monkeypatch):
    """Records tensorflow-datasets downloads instead of making them."""
    import tensorflow_datasets as tfds
    calls = []

    class Builder:
        def __init__(self, name, data_dir=None):
            self.name = name

        def download_and_prepare(self):
            calls.append(self.name)
    monkeypatch.setattr(tfds, "builder", Builder)
    return calls


@pytest.mark.parametrize("is_online", [False, True])
def test_an_unprepared_dataset_downloads_only_when_online(tmp_path, monkeypatch, downloads,
                                                          is_online):
    monkeypatch.setattr(availability, "online", lambda *a, **k: is_online)
    data = MNIST(tfds_data_dir=tmp_path, download=True)
    if is_online:
        data.check_available()
        assert downloads == ["mnist"]
    else:
        with pytest.raises(DatasetUnavailable, match="unreachable"):
            data.check_available()
        assert downloads == []


def test_a_prepared_copy_needs_no_network(tmp_path, monkeypatch, downloads):
    (tmp_path / "mnist" / "3.0.1").mkdir(parents=True)
    (tmp_path / "mnist" / "3.0.1" / "dataset_info.json").write_text("{}")
    monkeypatch.setattr(availability, "online", lambda *a, **k: pytest.fail("probed the network"))
    MNIST(tfds_data_dir=tmp_path, download=True).check_available()
    assert downloads == []


# --- unpacking fetched archives ------------------------------------------------------------------
def hostile_archive(path):
    """A tar with one ordinary member and members that point outside the directory."""
    with tarfile.open(path, "w:gz") as tar:
        def add(name, data=b"x", **attrs):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            for k, v in attrs.items():
                setattr(info, k, v)
            tar.addfile(info, io.BytesIO(data))
        add("words/ok.txt")
        add("../escaped.txt")
        link = tarfile.TarInfo("words/link")
        link.type, link.linkname = tarfile.SYMTYPE, "../../escaped_by_link"
        tar.addfile(link)


def test_fetch_never_unpacks_outside_its_directory(tmp_path, monkeypatch):
    archive = tmp_path / "source.tar.gz"
    hostile_archive(archive)
    target = tmp_path / "data" / "speech"

    def download(url, dest, timeout=30.0):
        dest.write_bytes(archive.read_bytes())
        return "digest"
    monkeypatch.setattr(fetch, "download", download)
    monkeypatch.setitem(fetch.SOURCES, "hostile", ([("https://example.invalid/hostile.tar.gz",
                                                     True)], None))
    with pytest.raises(tarfile.FilterError):
        fetch.fetch("hostile", target)
    assert not (tmp_path / "data" / "escaped.txt").exists()
    assert not (tmp_path / "escaped_by_link").exists() and not (target / "words" / "link").exists()
