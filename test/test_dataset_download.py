"""A real download that fails: tensorflow-datasets goes to the network (through a proxy on a
closed local port, so every connection is refused at once) and the dataset reports it in one line
naming the dataset, the cause and what to do; nothing is left half-prepared."""
import tensorflow_datasets as tfds
from tensorflow_datasets.core.download import downloader

from dataset import MNIST, DatasetUnavailable


def test_a_download_that_cannot_connect_is_one_line(tmp_path, monkeypatch):
    for var in ("HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy"):
        monkeypatch.setenv(var, "http://127.0.0.1:9")  # the discard port: nothing listens
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.setattr(downloader, "MAX_RETRIES", 1)  # tfds backs off for ~3 min by default
    data_dir = tmp_path / "tfds"
    try:
        MNIST(tfds_data_dir=data_dir, download=True).splits()
    except DatasetUnavailable as e:
        message = str(e)
    else:
        raise AssertionError("the download cannot have succeeded")
    assert message.startswith("MNIST is not available") and "\n" not in message
    assert "download=True" in message and "ProxyError" in message
    assert "MNIST(data_dir=DIR)" in message
    assert not tfds.builder("mnist", data_dir=data_dir).is_prepared()
