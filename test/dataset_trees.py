"""Small datasets written in the real on-disk formats, for the dataset tests and the benchmark.

Written with the standard library (``wave``, ``zlib``) or plain TF encoders, independently of the
loaders under test: a Chars74K ``English/Img/GoodImg/Bmp`` PNG tree, a Speech Commands tree of
16 kHz WAVs with ``_background_noise_`` and the archive's ``validation_list.txt``/``testing_list.txt``,
and Visual Wake Words TFRecords with the feature keys of the TF-slim converter.
"""
from __future__ import annotations

import hashlib
import re
import struct
import wave
import zlib
from pathlib import Path

import numpy as np

SPEECH_WORDS = ("down", "go", "left", "no", "off", "on", "right", "stop", "up", "yes")
OTHER_WORDS = ("bed", "cat")


# --- Chars74K ----------------------------------------------------------------------------------
def write_png(path, rgb: np.ndarray) -> None:
    """A truecolor (or RGBA/grey, by the last axis) 8-bit PNG from an array, via zlib."""
    a = np.asarray(rgb, np.uint8)
    if a.ndim == 2:
        a = a[..., None]
    h, w, c = a.shape
    colour_type = {1: 0, 3: 2, 4: 6}[c]
    raw = b"".join(b"\x00" + a[r].tobytes() for r in range(h))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, colour_type, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    Path(path).write_bytes(png)


def make_chars74k(root, per_class: int = 4, size=(20, 16), seed: int = 0) -> Path:
    """``root/English/Img/GoodImg/Bmp/SampleCCC/imgCCC-NNNNN.png``, 62 classes; class c's images
    are a bright bar whose row encodes c (learnable), one image per class has an alpha channel
    and one is greyscale (GoodImg has both)."""
    rng = np.random.default_rng(seed)
    base = Path(root) / "English/Img/GoodImg/Bmp"
    h, w = size
    for c in range(1, 63):
        d = base / f"Sample{c:03d}"
        d.mkdir(parents=True, exist_ok=True)
        for i in range(per_class):
            img = rng.integers(0, 60, size=(h, w, 3))
            img[(c * h) // 63, :, :] = 255
            img[:, (c % 7) * w // 7, 1] = 200
            if i == 1:
                img = np.concatenate([img, np.full((h, w, 1), 255)], -1)
            elif i == 2:
                img = img[..., 0]
            write_png(d / f"img{c:03d}-{i + 1:05d}.png", img)
    return Path(root)


# --- Speech Commands ---------------------------------------------------------------------------
def write_wav(path, samples: np.ndarray, rate: int = 16000) -> None:
    """16-bit mono PCM WAV from float samples in [-1, 1]."""
    pcm = np.clip(np.round(np.asarray(samples) * 32767), -32768, 32767).astype("<i2")
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(rate)
        f.writeframes(pcm.tobytes())


def reference_split(name: str) -> str:
    """The archive's documented rule (README of Speech Commands) that made its list files."""
    speaker = re.sub(r"_nohash_.*$", "", name)
    p = (int(hashlib.sha1(speaker.encode()).hexdigest(), 16) % 2 ** 27) * (100.0 / (2 ** 27 - 1))
    return "validation" if p < 10 else "testing" if p < 20 else "training"


def speakers_for_splits(per_split=(8, 3, 3)):
    """Speaker ids (8 hex digits, like the archive's) with ``per_split`` in training, validation
    and testing by the hash rule."""
    want = dict(zip(("training", "validation", "testing"), per_split))
    got = {k: [] for k in want}
    i = 0
    while any(len(got[k]) < want[k] for k in want):
        sid = hashlib.md5(str(i).encode()).hexdigest()[:8]
        split = reference_split(sid + "_nohash_0.wav")
        if len(got[split]) < want[split]:
            got[split].append(sid)
        i += 1
    return got


def make_speech_commands(root, per_split=(8, 3, 3), clips_per_speaker: int = 1,
                         noise_seconds: float = 3.0, seed: int = 0) -> Path:
    """One folder per word (10 keywords + ``bed``, ``cat``), every speaker saying each word
    ``clips_per_speaker`` times; word k is a tone at 300 + 150 k Hz (some clips shorter than 1 s),
    two noise files in ``_background_noise_``, and the two list files."""
    rng = np.random.default_rng(seed)
    root = Path(root)
    speakers = speakers_for_splits(per_split)
    t = np.arange(16000) / 16000.0
    lists = {"validation": [], "testing": []}
    for k, word in enumerate(SPEECH_WORDS + OTHER_WORDS):
        (root / word).mkdir(parents=True, exist_ok=True)
        for split, ids in speakers.items():
            for sid in ids:
                for j in range(clips_per_speaker):
                    n = 16000 if (j + k) % 4 else 12000          # some clips are short
                    clip = 0.5 * np.sin(2 * np.pi * (300 + 150 * k) * t[:n]) \
                        + 0.05 * rng.standard_normal(n)
                    name = f"{sid}_nohash_{j}.wav"
                    write_wav(root / word / name, clip)
                    if split in lists:
                        lists[split].append(f"{word}/{name}")
    noise = root / "_background_noise_"
    noise.mkdir(exist_ok=True)
    for i in range(2):
        write_wav(noise / f"noise_{i}.wav", 0.3 * rng.uniform(-1, 1, int(noise_seconds * 16000)))
    (root / "validation_list.txt").write_text("\n".join(sorted(lists["validation"])) + "\n")
    (root / "testing_list.txt").write_text("\n".join(sorted(lists["testing"])) + "\n")
    return root


# --- Visual Wake Words -------------------------------------------------------------------------
def make_vww(root, train: int = 24, val: int = 12, shards: int = 2, size=(40, 48), seed: int = 0):
    """``train.record-0000i-of-0000n`` and ``val.record-...`` TFRecords with the slim converter's
    keys (``image/encoded`` JPEG, ``image/class/label``, plus ones the loader ignores). Label 1
    images (a person) are bright in the centre."""
    import tensorflow as tf
    rng = np.random.default_rng(seed)
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    labels = {}
    for prefix, count in (("train", train), ("val", val)):
        writers = [tf.io.TFRecordWriter(str(root / f"{prefix}.record-{s:05d}-of-{shards:05d}"))
                   for s in range(shards)]
        labels[prefix] = []
        for i in range(count):
            label = int(rng.integers(0, 2))
            img = rng.integers(0, 80, size=size + (3,)).astype(np.uint8)
            if label:
                img[size[0] // 4: 3 * size[0] // 4, size[1] // 4: 3 * size[1] // 4] = 230
            jpeg = tf.io.encode_jpeg(img).numpy()

            def b(v):
                return tf.train.Feature(bytes_list=tf.train.BytesList(value=[v]))

            def i64(v):
                return tf.train.Feature(int64_list=tf.train.Int64List(value=[v]))

            ex = tf.train.Example(features=tf.train.Features(feature={
                "image/encoded": b(jpeg), "image/format": b(b"jpeg"),
                "image/class/label": i64(label), "image/height": i64(size[0]),
                "image/width": i64(size[1]), "image/filename": b(f"{prefix}_{i}.jpg".encode()),
                "image/source_id": b(str(i).encode()),
            }))
            # Records go to shards in turn; the loader reads shards in name order.
            writers[i * shards // count].write(ex.SerializeToString())
            labels[prefix].append(label)
        for w in writers:
            w.close()
    return root, labels
