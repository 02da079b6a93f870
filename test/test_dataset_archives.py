"""Chars74K, Speech Commands and Visual Wake Words, read from trees in their real on-disk formats
that ``dataset_trees`` writes (PNG files, 16 kHz WAVs with list files and background noise,
TFRecords with the TF-slim keys); availability checks that fail in one line before any worker.

Specified here: constructing reads nothing; shapes, dtypes, label sets, the original's split sizes
and rules (stratified counts; hash-of-speaker with no speaker in two splits, matching the archive's
list files); deterministic validation/test; augmentation within the original's ranges; MFCCs equal
to an independent numpy computation; and a real training run of a tiny model on each, which learns
the signal of its tree (errors far below chance).
"""
import pickle
import subprocess
import sys
from pathlib import Path

import keras
import numpy as np
import pytest
import tensorflow as tf

from config import TrainingConfig
from dataset import (CIFAR10, MNIST, Chars74K, DatasetUnavailable, SpeechCommands,
                     VisualWakeWords)
from dataset.availability import ensure_available
from dataset.shift import random_reflect_shift
from dataset.speech_commands import which_split
from dataset_trees import (OTHER_WORDS, SPEECH_WORDS, make_chars74k, make_speech_commands,
                           make_vww, reference_split)
from model_trainer import ModelTrainer

ROOT = Path(__file__).resolve().parents[1]


def tiny_model(input_shape, num_classes, keep_position=False):
    """A strided conv, then global pooling (or, with ``keep_position``, a flatten: the Chars74K
    tree encodes the class in the row of a bar, which pooling over the image would lose)."""
    L = keras.layers
    inputs = keras.Input(input_shape)
    x = L.Conv2D(4, 3, strides=2, activation="relu")(inputs)
    x = L.Flatten()(x) if keep_position else L.GlobalAveragePooling2D()(x)
    outputs = L.Dense(1 if num_classes == 2 else num_classes)(x)
    return keras.Model(inputs, outputs)


def train(dataset, epochs, batch_size=32, keep_position=False, **kw):
    cfg = TrainingConfig(dataset=dataset, batch_size=batch_size, epochs=epochs,
                         optimizer=lambda: keras.optimizers.Adam(1e-2), **kw)
    model = tiny_model(dataset.input_shape, dataset.num_classes, keep_position)
    return ModelTrainer(cfg, seed=0).train_and_eval(model)


#: epochs for the learning checks: enough for the tiny model to learn each tree's signal (measured:
#: Chars74K 0.47 validation error against 0.98 by chance, Speech Commands 0.61 test error against
#: 0.92, VWW 0.0 validation error against 0.5)
LEARN_EPOCHS = 20


# --- laziness and fail-fast availability ---------------------------------------------------------
def test_constructing_reads_nothing_and_shapes_are_known(tmp_path):
    missing = tmp_path / "nowhere"
    c, s, v = Chars74K(missing), SpeechCommands(missing), VisualWakeWords(missing)
    assert (c.input_shape, c.num_classes) == ((48, 48, 3), 62)
    assert Chars74K(missing, img_size=(32, 32), binary=True).num_classes == 2
    assert (s.input_shape, s.num_classes) == ((98, 40, 1), 12)
    assert SpeechCommands(missing, window_size_ms=40, window_stride_ms=20).input_shape == (49, 40, 1)
    assert (v.input_shape, v.num_classes) == ((192, 220, 3), 2)
    for d in (c, s, v):
        assert pickle.loads(pickle.dumps(d)).input_shape == d.input_shape


@pytest.mark.parametrize("make, archive", [
    (lambda d: Chars74K(d), "EnglishImg.tgz"),
    (lambda d: SpeechCommands(d), "speech_commands_v0.02.tar.gz"),
    (lambda d: VisualWakeWords(d), "build_visualwakewords_data.py"),
    (lambda d: MNIST(data_dir=d), "ubyte.gz"),
    (lambda d: CIFAR10(data_dir=d), "cifar-10-python.tar.gz"),
])
def test_missing_data_is_one_line_naming_the_archive_and_where(tmp_path, make, archive):
    problem = ensure_available(make(tmp_path / "absent"))
    assert problem and "\n" not in problem and archive in problem and str(tmp_path) in problem


def test_incomplete_trees_name_what_is_missing(tmp_path):
    make_chars74k(tmp_path / "c", per_class=1)
    for f in (tmp_path / "c/English/Img/GoodImg/Bmp/Sample007").glob("*.png"):
        f.unlink()
    assert "class(es) [7]" in ensure_available(Chars74K(tmp_path / "c"))
    (tmp_path / "s/yes").mkdir(parents=True)
    assert "no WAV files for down, go" in ensure_available(SpeechCommands(tmp_path / "s"))
    assert ensure_available(MNIST(download=False, tfds_data_dir=tmp_path)).startswith(
        "MNIST is not available")
    with pytest.raises(DatasetUnavailable, match="EnglishImg.tgz"):
        Chars74K(tmp_path / "nowhere").splits()


def test_driver_exits_2_before_any_worker_when_data_is_missing(tmp_path):
    config = tmp_path / "speech.py"
    config.write_text(
        "import keras\nfrom config import AgingEvoConfig, BoundConfig, TrainingConfig\n"
        "from cnn import CnnSearchSpace\nfrom dataset import SpeechCommands\n"
        "from search_algorithms import AgingEvoSearch\nsearch_algorithm = AgingEvoSearch\n"
        f"training_config = TrainingConfig(dataset=SpeechCommands({str(tmp_path / 'sc')!r}), "
        "optimizer=lambda: keras.optimizers.Adam())\n"
        f"search_config = AgingEvoConfig(search_space=CnnSearchSpace(), rounds=2, "
        f"checkpoint_dir={str(tmp_path / 'art')!r})\n"
        "bound_config = BoundConfig(error_bound=0.1)\n")
    run = subprocess.run([sys.executable, str(ROOT / "driver.py"), str(config), "--data-dir",
                          str(tmp_path / "elsewhere")], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert run.returncode == 2, run.stderr[-2000:]
    assert len(errors) == 1 and "speech_commands_v0.02.tar.gz" in errors[0]
    assert str(tmp_path / "elsewhere") in errors[0]            # --data-dir replaced the config's
    assert "Ray" not in run.stderr and not (tmp_path / "art").exists()


# --- Chars74K --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def chars_dir(tmp_path_factory):
    return make_chars74k(tmp_path_factory.mktemp("chars74k"), per_class=5)


def test_chars74k_splits_labels_and_scaling(chars_dir):
    ds = Chars74K(chars_dir, img_size=(12, 10), validation_split=62, test_size=124)
    s = ds.splits()
    assert (len(s.y_train), len(s.y_val), len(s.y_test)) == (124, 62, 124)   # 310 = 62 x 5
    for x in (s.x_train, s.x_val, s.x_test):
        assert x.dtype == np.float32 and x.shape[1:] == (12, 10, 3)
        assert 0.0 <= x.min() and x.max() <= 1.0
    # Stratified: every class in every split (2 / 1 / 2 of 5 images each).
    for y, per_class in ((s.y_train, 2), (s.y_val, 1), (s.y_test, 2)):
        np.testing.assert_array_equal(np.bincount(y, minlength=62), per_class)
    # Seeded: the same split twice. Binary: class < 31 (155 of 310 images), stratified as such.
    np.testing.assert_array_equal(Chars74K(chars_dir, (12, 10), 62, test_size=124).splits().x_test,
                                  s.x_test)
    b = Chars74K(chars_dir, (12, 10), 62, binary=True, test_size=124).splits()
    assert np.bincount(b.y_test).tolist() == [62, 62] and np.bincount(b.y_val).tolist() == [31, 31]


def test_chars74k_too_small_for_its_splits_fails_in_one_line_before_loading(chars_dir):
    from dataset.base import DatasetUnavailable
    ds = Chars74K(chars_dir, img_size=(8, 8))           # the defaults: 2000 test, 705 validation
    with pytest.raises(DatasetUnavailable, match=r"has 310 images: too few for a test split of "
                                                 r"2000") as e:
        ds.check_available()
    assert "\n" not in str(e.value)
    Chars74K(chars_dir, (8, 8), validation_split=62, test_size=124).check_available()  # fits


def test_chars74k_default_split_fractions(chars_dir):
    s = Chars74K(chars_dir, img_size=(8, 8), validation_split=0.25, test_size=0.2).splits()
    assert (len(s.y_train), len(s.y_val), len(s.y_test)) == (186, 62, 62)


def test_reflect_shift_equals_symmetric_pad_and_crop():
    x = np.random.default_rng(0).random((200, 9, 11, 2)).astype(np.float32)
    out = random_reflect_shift(x, tf.constant([3, 4], tf.int64), 2, 3).numpy()
    padded = np.pad(x, ((0, 0), (2, 2), (3, 3), (0, 0)), mode="symmetric")
    offsets = set()
    for i in range(len(x)):
        hits = [(oy, ox) for oy in range(5) for ox in range(7)
                if np.array_equal(padded[i, oy:oy + 9, ox:ox + 11], out[i])]
        assert hits, f"image {i} is not a crop of the mirrored padding"
        offsets.add(hits[0])
    assert len(offsets) > 25                       # shifts spread over the 5 x 7 possibilities


def test_chars74k_training_batches_are_shifted_copies(chars_dir):
    ds = Chars74K(chars_dir, img_size=(20, 20), validation_split=62, test_size=124)
    plain = next(iter(ds.train_batches(64, seed=3, augment=False)))[0].numpy()
    shifted = next(iter(ds.train_batches(64, seed=3)))[0].numpy()
    p = 2                                          # 10 % of 20 pixels
    padded = np.pad(plain, ((0, 0), (p, p), (p, p), (0, 0)), mode="symmetric")
    for i in range(len(plain)):
        assert any(np.array_equal(padded[i, oy:oy + 20, ox:ox + 20], shifted[i])
                   for oy in range(2 * p + 1) for ox in range(2 * p + 1))
    assert not np.array_equal(plain, shifted)


def test_chars74k_trains_a_tiny_model_that_learns(chars_dir):
    result = train(Chars74K(chars_dir, img_size=(16, 16), validation_split=62, test_size=124),
                   LEARN_EPOCHS, keep_position=True)
    assert result.ok and result.epochs_run == LEARN_EPOCHS
    assert result.val_error < 0.7 and result.test_error < 0.7      # chance: 61/62 = 0.98


# --- Speech Commands -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def speech_dir(tmp_path_factory):
    return make_speech_commands(tmp_path_factory.mktemp("speech"), per_split=(8, 3, 3),
                                clips_per_speaker=2)


@pytest.fixture(scope="module")
def speech(speech_dir):
    return SpeechCommands(speech_dir)


def test_speech_split_is_by_speaker_and_matches_the_list_files(speech_dir, speech):
    index = speech.index()
    speakers = {s: {Path(p).name.split("_nohash_")[0] for p, _ in items if p}
                for s, items in index.items()}
    assert not (speakers["training"] & speakers["validation"]) and \
        not (speakers["training"] & speakers["testing"]) and \
        not (speakers["validation"] & speakers["testing"])
    for split, list_file in (("validation", "validation_list.txt"), ("testing", "testing_list.txt")):
        listed = set((speech_dir / list_file).read_text().split())
        keywords = {"/".join(Path(p).parts[-2:]) for p, label in index[split] if label >= 2}
        assert keywords == {f for f in listed if f.split("/")[0] in SPEECH_WORDS}
    names = [Path(p).name for items in index.values() for p, _ in items if p]
    assert all(which_split(n, 10, 10) == reference_split(n) for n in names)


def test_speech_split_sizes_labels_and_unknown_silence_shares(speech):
    index = speech.index()
    # 10 words x speakers x 2 clips of keywords; +10 % silence, +10 % unknown (rounded up).
    for split, n_speakers in (("training", 8), ("validation", 3), ("testing", 3)):
        labels = np.array([label for _, label in index[split]])
        keywords = 10 * n_speakers * 2
        assert np.sum(labels >= 2) == keywords
        assert np.sum(labels == 0) == np.sum(labels == 1) == int(np.ceil(keywords / 10))
        assert set(labels) == set(range(12))
        unknown_words = {Path(p).parent.name for p, label in index[split] if label == 1}
        assert unknown_words <= set(OTHER_WORDS)
        assert all(p == "" for p, label in index[split] if label == 0)
    assert speech.labels == ("_silence_", "_unknown_") + SPEECH_WORDS
    # Balanced class weights over all three splits: each word has 14 speakers x 2 clips = 28.
    everything = sum(len(items) for items in index.values())
    assert speech.class_weight()[2] == pytest.approx(everything / (12 * 28))


def test_speech_features_shapes_and_deterministic_evaluation(speech_dir, speech):
    x, y = speech.eval_features("validation")
    assert x.shape == (len(speech.index()["validation"]), 98, 40, 1) and x.dtype == np.float32
    assert np.all(np.isfinite(x)) and y.dtype == np.int32
    again = pickle.loads(pickle.dumps(SpeechCommands(speech_dir))).eval_features("validation")[0]
    np.testing.assert_array_equal(again, x)                    # same silence noise on every read
    batches = np.concatenate([b[0].numpy() for b in speech.eval_batches("validation", 7)])
    np.testing.assert_array_equal(batches, x)
    silence = x[y == 0]
    assert len(silence) and not np.allclose(silence[0], silence[-1])   # noise, differing per clip
    assert len(list(speech.test_dataset())) == len(speech.index()["testing"])


def test_speech_training_batches_change_every_epoch(speech):
    ds = speech.train_batches(200, seed=1)               # one batch holds the whole split
    (x1, y1), (x2, y2) = [next(iter((b[0].numpy(), b[1].numpy()) for b in ds))
                          for _epoch in range(2)]
    assert x1.shape == (len(speech.index()["training"]), 98, 40, 1)
    order1, order2 = np.argsort(y1, kind="stable"), np.argsort(y2, kind="stable")
    assert sorted(y1) == sorted(y2) and not np.allclose(x1[order1], x2[order2])
    assert speech.train_dataset().cardinality() == len(y1)


def test_speech_augmentation_ranges(speech):
    n = 16000
    impulse = np.zeros((400, n), np.int16)
    impulse[:, 8000] = 16384                                   # 0.5 at the middle
    words = tf.fill([400], 5)
    out = speech._mix(impulse, words, tf.constant([1, 2], tf.int64), True, None).numpy()
    where = out.argmax(axis=1) - 8000
    assert np.all(out.max(axis=1) == 0.5) and where.min() >= -1600 and where.max() < 1600
    assert where.min() < -1200 and where.max() > 1200                     # +-100 ms, spread out
    noise = speech.background_noise()
    peak = np.abs(noise[0]).max()
    quiet = np.zeros((400, n), np.int16)
    mixed = speech._mix(quiet, words, tf.constant([3, 4], tf.int64), True, noise).numpy()
    level = np.abs(mixed).max(axis=1) / peak
    assert level.max() <= 0.1 + 1e-6 and 0.7 < np.mean(level > 0) < 0.9  # 80 % at volume < 0.1
    silent = speech._mix(impulse, tf.fill([400], 0), tf.constant([5, 6], tf.int64), True, noise)
    level = np.abs(silent.numpy()).max(axis=1) / peak
    assert level.max() <= 1.0 + 1e-6 and level.max() > 0.5 and np.all(level > 0)  # noise only
    clean = speech._mix(impulse, words, tf.constant([7, 8], tf.int64), False, noise).numpy()
    np.testing.assert_array_equal(clean, impulse / 32768.0)   # evaluation: no shift, no noise


def reference_mfcc(signal, rate=16000, window=480, stride=160, lower=20.0, upper=4000.0,
                   bands=40, coefficients=40):
    """MFCCs in float64 numpy: periodic-Hann power spectra (FFT of the next power of two),
    triangular mel filters (mel = 1127 ln(1 + f/700)) applied to magnitudes, log, DCT-II."""
    def mel(f):
        return 1127.0 * np.log1p(np.asarray(f, np.float64) / 700.0)

    signal = np.asarray(signal, np.float64)
    fft = 1 << (window - 1).bit_length()
    hann = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(window) / window)
    frames = 1 + (len(signal) - window) // stride
    power = np.stack([np.abs(np.fft.rfft(signal[t * stride: t * stride + window] * hann, fft)) ** 2
                      for t in range(frames)])
    bins = power.shape[1]
    hz_per_bin = 0.5 * rate / (bins - 1)
    first, last = int(1.5 + lower / hz_per_bin), int(upper / hz_per_bin)
    centres = mel(lower) + (mel(upper) - mel(lower)) / (bands + 1) * np.arange(1, bands + 2)
    filters = np.zeros((bins, bands))
    for i in range(first, last + 1):
        m = mel(i * hz_per_bin)
        above = int(np.searchsorted(centres, m))              # band whose centre is the next up
        left = centres[above - 1] if above > 0 else mel(lower)
        w = (centres[above] - m) / (centres[above] - left)
        if above > 0:
            filters[i, above - 1] += w
        if above < bands:
            filters[i, above] += 1 - w
    logs = np.log(np.maximum(np.sqrt(power) @ filters, 1e-12))
    k, j = np.arange(coefficients)[:, None], np.arange(bands)[None, :]
    return logs @ (np.sqrt(2.0 / bands) * np.cos(np.pi / bands * k * (j + 0.5))).T


@pytest.mark.parametrize("freq", [440.0, 1000.0, 3000.0])
def test_mfcc_of_a_pure_tone_matches_an_independent_computation(freq):
    t = np.arange(16000) / 16000.0
    tone = (0.5 * np.sin(2 * np.pi * freq * t)).astype(np.float32)
    ours = SpeechCommands("/unused").features(tone[None]).numpy()[0, :, :, 0]
    np.testing.assert_allclose(ours, reference_mfcc(tone), atol=1e-4)


def test_speech_trains_a_tiny_model_that_learns(speech):
    result = train(speech, LEARN_EPOCHS, use_class_weight=True)
    assert result.ok and result.epochs_run == LEARN_EPOCHS
    assert result.val_error < 0.8 and result.test_error < 0.8      # chance: 11/12 = 0.92


# --- Visual Wake Words -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def vww(tmp_path_factory):
    root, labels = make_vww(tmp_path_factory.mktemp("vww"), train=30, val=12, shards=3)
    return root, labels


def test_vww_splits_follow_record_order(vww):
    root, labels = vww
    ds = VisualWakeWords(root, validation_split=6, img_size=(24, 28))
    assert [ds.split_size(s) for s in ("train", "validation", "test")] == [24, 6, 12]
    x, y = (np.concatenate(a) for a in zip(*[(b[0].numpy(), b[1].numpy())
                                             for b in ds.eval_batches("validation", 4)]))
    assert x.shape == (6, 24, 28, 3) and x.dtype == np.float32 and 0 <= x.min() and x.max() <= 1
    assert list(y) == labels["train"][:6]
    assert sorted(ds.train_labels()) == sorted(labels["train"][6:])
    n1 = sum(labels["train"]) + sum(labels["val"])                    # class weights: all splits
    assert ds.class_weight()[1] == pytest.approx(42 / (2 * n1))
    assert [int(b[1]) for b in ds.test_dataset()] == labels["val"]
    given = VisualWakeWords(root, validation_split=6, train_size=30, test_size=12)
    assert given.split_size("test") == 12 and len(list(given.validation_dataset())) == 6


def test_vww_preprocessing_crops_centrally_before_resizing(tmp_path):
    # A 16 x 16 image whose outer 1-pixel ring is white: the 87.5 % central crop removes it.
    img = np.zeros((16, 16, 3), np.uint8)
    img[0, :] = img[-1, :] = img[:, 0] = img[:, -1] = 255
    png = tf.io.encode_png(img)
    ex = tf.train.Example(features=tf.train.Features(feature={
        "image/encoded": tf.train.Feature(bytes_list=tf.train.BytesList(value=[png.numpy()])),
        "image/class/label": tf.train.Feature(int64_list=tf.train.Int64List(value=[1]))}))
    x, y = VisualWakeWords(tmp_path, img_size=(14, 14)).parse(ex.SerializeToString())
    assert int(y) == 1 and x.shape == (14, 14, 3) and float(tf.reduce_max(x)) == 0.0


def test_vww_augmentation_flips_and_shifts_within_ten_percent(vww):
    root, _ = vww
    ds = VisualWakeWords(root, validation_split=6, img_size=(20, 30))
    plain = next(iter(ds.train_batches(24, seed=5, augment=False)))[0].numpy()
    moved = next(iter(ds.train_batches(24, seed=5)))[0].numpy()
    py, px = 3, 2                     # rows by 10 % of the width, columns by 10 % of the height
    flipped = 0
    for i in range(len(plain)):
        hits = [f for f in (False, True) for oy in range(2 * py + 1) for ox in range(2 * px + 1)
                if np.array_equal(np.pad(plain[i][:, ::-1] if f else plain[i],
                                         ((py, py), (px, px), (0, 0)), mode="symmetric")
                                  [oy:oy + 20, ox:ox + 30], moved[i])]
        assert hits, f"image {i} is no flipped/shifted copy"
        flipped += hits[0]
    assert 0 < flipped < len(plain)


def test_vww_trains_a_tiny_model_that_learns(vww):
    root, _ = vww
    result = train(VisualWakeWords(root, validation_split=6, img_size=(24, 28)), LEARN_EPOCHS,
                   batch_size=8, use_class_weight=True)
    assert result.ok and result.epochs_run == LEARN_EPOCHS
    assert result.val_error < 0.35 and result.test_error < 0.35    # chance: 0.5


# --- the explicit download helper ------------------------------------------------------------------
def test_fetch_unpacks_verifies_and_fails_in_one_line(tmp_path, monkeypatch, capsys):
    import io
    import tarfile

    from dataset import fetch
    archive = tmp_path / "src" / "thing.tar.gz"
    archive.parent.mkdir()
    with tarfile.open(archive, "w:gz") as tar:
        data = b"hello"
        info = tarfile.TarInfo("yes/a_nohash_0.wav")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    monkeypatch.setitem(fetch.SOURCES, "thing", ([(archive.as_uri(), True)], "list"))
    monkeypatch.setattr(fetch, "known_sha256", lambda lst, name: None)
    assert fetch.main(["thing", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out/yes/a_nohash_0.wav").read_bytes() == b"hello"
    monkeypatch.setattr(fetch, "known_sha256", lambda lst, name: "0" * 64)
    assert fetch.main(["thing", str(tmp_path / "out2")]) == 2
    monkeypatch.setitem(fetch.SOURCES, "offline", ([("http://host.invalid/x.tar.gz", True)], None))
    assert fetch.main(["offline", str(tmp_path / "out3")]) == 2
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and "expected 000" in errors[0] and "host.invalid" in errors[1]
