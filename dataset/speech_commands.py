"""Speech Commands v0.02 keyword spotting, as μNAS loads it.

Twelve classes: ``_silence_`` (0), ``_unknown_`` (1) and ten words (2..11). Each utterance goes to
training, validation or test by a hash of its speaker part (the file name before ``_nohash_``), so a
speaker never appears in two splits; 10 % validation and 10 % test, the rule that produced the
archive's ``validation_list.txt``/``testing_list.txt``. Each split gets silence clips and
utterances of other words as "unknown", 10 % of its keyword count each (unknowns picked with the
original's seed). Features: a 30 ms / 10 ms power spectrogram and 40 MFCCs from 40 mel bands between
20 Hz and 4 kHz, shape (98, 40, 1) (the original's final settings; its earlier 40 ms / 20 ms
windows, ``window_size_ms=40, window_stride_ms=20``, give the (49, 40, 1) of its resource tests). Training clips are shifted by up to +-100 ms and mixed with a
random stretch of ``_background_noise_`` (80 % of clips, volume up to 0.1; silence clips are noise
alone at volume up to 1). Unlike the original, validation and test silence clips get the same
noise on every read (fixed seeds), so their scores are deterministic.

Decoded audio is held in memory as int16 (about 1.2 GB for the full training split); augmentation
and features run per batch in the tf.data graph; validation/test features are computed once.
"""
from __future__ import annotations

import hashlib
import math
import os
import random
import re
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import numpy as np

from .base import DatasetUnavailable
from .streamed import StreamedDataset

DEFAULT_WORDS = ("down", "go", "left", "no", "off", "on", "right", "stop", "up", "yes")
SILENCE_LABEL, UNKNOWN_LABEL = "_silence_", "_unknown_"
SILENCE_INDEX, UNKNOWN_INDEX = 0, 1
BACKGROUND_NOISE_DIR = "_background_noise_"
INDEX_SEED = 59185                     # the original's seed for picking and ordering clips
EVAL_NOISE_SEED = 4217                 # fixed noise of validation/test silence clips
MAX_FILES_PER_CLASS = 2 ** 27 - 1      # the hash-split constant of the Speech Commands recipe
ARCHIVE = "speech_commands_v0.02.tar.gz"
ARCHIVE_URL = "https://storage.googleapis.com/download.tensorflow.org/data/" + ARCHIVE
SPLITS = ("training", "validation", "testing")


def which_split(file_name: str, validation_percentage: float, testing_percentage: float) -> str:
    """``training``, ``validation`` or ``testing`` from a stable hash of the speaker part of the
    name (everything before ``_nohash_``), so all clips of one speaker land in one split."""
    speaker = re.sub(r"_nohash_.*$", "", os.path.basename(file_name))
    digest = int(hashlib.sha1(speaker.encode("utf-8")).hexdigest(), 16)
    percentage = (digest % (MAX_FILES_PER_CLASS + 1)) * (100.0 / MAX_FILES_PER_CLASS)
    if percentage < validation_percentage:
        return "validation"
    if percentage < validation_percentage + testing_percentage:
        return "testing"
    return "training"


class SpeechCommands(StreamedDataset):
    """``SpeechCommands(data_dir, words=None)``: ``data_dir`` is where ``speech_commands_v0.02.tar.gz``
    was unpacked (one folder per word, plus ``_background_noise_``)."""
    name = "speech_commands"
    display_name = "Speech Commands"

    def __init__(self, data_dir, words=None, silence_percentage: float = 10.0,
                 unknown_percentage: float = 10.0, validation_percentage: float = 10.0,
                 testing_percentage: float = 10.0, sample_rate: int = 16000,
                 clip_duration_ms: float = 1000.0, window_size_ms: float = 30.0,
                 window_stride_ms: float = 10.0, feature_bin_count: int = 40,
                 time_shift_ms: float = 100.0, background_frequency: float = 0.8,
                 background_volume: float = 0.1, seed: int = 0, augment: bool = True):
        super().__init__(seed=seed, augment=augment)
        self.data_dir = Path(os.path.expanduser(str(data_dir)))
        self.words = tuple(words or DEFAULT_WORDS)
        self.silence_percentage = silence_percentage
        self.unknown_percentage = unknown_percentage
        self.validation_percentage = validation_percentage
        self.testing_percentage = testing_percentage
        self.sample_rate = int(sample_rate)
        self.clip_samples = int(sample_rate * clip_duration_ms / 1000)
        self.window_samples = int(sample_rate * window_size_ms / 1000)
        self.stride_samples = int(sample_rate * window_stride_ms / 1000)
        self.feature_bin_count = int(feature_bin_count)
        self.time_shift_samples = int(time_shift_ms * sample_rate / 1000)
        self.background_frequency = background_frequency
        self.background_volume = background_volume

    def __repr__(self):
        return f"SpeechCommands({str(self.data_dir)!r}, words={list(self.words)})"

    # --- shapes (no data read) -------------------------------------------------------------------
    @property
    def labels(self) -> Tuple[str, ...]:
        return (SILENCE_LABEL, UNKNOWN_LABEL) + self.words

    @property
    def num_classes(self) -> int:
        return len(self.labels)

    @property
    def spectrogram_length(self) -> int:
        span = self.clip_samples - self.window_samples
        return 0 if span < 0 else 1 + span // self.stride_samples

    @property
    def input_shape(self):
        return (self.spectrogram_length, self.feature_bin_count, 1)

    # --- files -----------------------------------------------------------------------------------
    def _how(self) -> str:
        return (f"download {ARCHIVE} ({ARCHIVE_URL}, or python -m dataset.fetch speech_commands "
                f"DIR) and unpack it into {self.data_dir} (the archive has no top-level folder), "
                f"or pass another data_dir / --data-dir")

    def check_available(self) -> None:
        """One-line ``DatasetUnavailable`` unless every wanted word has a folder with WAV files."""
        if not self.data_dir.is_dir():
            raise DatasetUnavailable(f"Speech Commands is not available: {self.data_dir} does not "
                                     f"exist; {self._how()}.")
        missing = [w for w in self.words if not any((self.data_dir / w).glob("*.wav"))]
        if missing:
            raise DatasetUnavailable(f"Speech Commands is incomplete: no WAV files for "
                                     f"{', '.join(missing)} in {self.data_dir}; {self._how()}.")

    def index(self) -> Dict[str, List[Tuple[str, int]]]:
        """``(path, label)`` per split; silence clips have the empty path. Reads names only."""
        return self._cached("index", self._build_index)

    def _build_index(self):
        self.check_available()
        word_index = {w: i for i, w in enumerate(self.labels)}
        keywords = {s: [] for s in SPLITS}
        unknowns = {s: [] for s in SPLITS}
        for path in sorted(self.data_dir.glob("*/*.wav")):
            word = path.parent.name.lower()
            if word == BACKGROUND_NOISE_DIR:
                continue
            split = which_split(path.name, self.validation_percentage, self.testing_percentage)
            label = word_index.get(word, UNKNOWN_INDEX)
            (unknowns if label == UNKNOWN_INDEX else keywords)[split].append((str(path), label))
        rng = random.Random(INDEX_SEED)
        out = {}
        for split in ("validation", "testing", "training"):
            n = len(keywords[split])
            items = list(keywords[split])
            items += [("", SILENCE_INDEX)] * math.ceil(n * self.silence_percentage / 100)
            rng.shuffle(unknowns[split])
            items += unknowns[split][:math.ceil(n * self.unknown_percentage / 100)]
            out[split] = items
        for split in ("validation", "testing", "training"):
            rng.shuffle(out[split])
        return out

    def _split_items(self, split):
        key = {"train": "training", "validation": "validation", "test": "testing"}.get(split, split)
        if key not in SPLITS:
            raise ValueError(f"unknown split {split!r}; use train, validation or test")
        return self.index()[key]

    def labels_of(self, split: str) -> np.ndarray:
        return np.array([label for _, label in self._split_items(split)], np.int32)

    def split_size(self, split: str) -> int:
        return len(self._split_items(split))

    # --- audio -----------------------------------------------------------------------------------
    def _decode(self, paths: List[str]) -> np.ndarray:
        """(N, clip_samples) int16 audio; silence (empty path) is zeros; short clips zero-padded."""
        import tensorflow as tf
        n = self.clip_samples

        def load(path):
            def read():
                wav = tf.audio.decode_wav(tf.io.read_file(path), desired_channels=1,
                                          desired_samples=n)
                return tf.cast(tf.round(wav.audio[:, 0] * 32768.0), tf.int16)
            return tf.cond(tf.strings.length(path) > 0, read, lambda: tf.zeros([n], tf.int16))

        if not paths:
            return np.zeros((0, n), np.int16)
        ds = (tf.data.Dataset.from_tensor_slices(list(paths))
              .map(load, num_parallel_calls=tf.data.AUTOTUNE, deterministic=True).batch(1024))
        return np.concatenate([b.numpy() for b in ds])

    def audio(self, split: str) -> Tuple[np.ndarray, np.ndarray]:
        """Decoded clips (int16) and labels of a split, loaded once."""
        def load():
            items = self._split_items(split)
            return (self._decode([p for p, _ in items]),
                    np.array([label for _, label in items], np.int32))
        return self._cached(("audio", split), load)

    def background_noise(self) -> Optional[Tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """All ``_background_noise_`` WAVs (longer than a clip) concatenated, with their starts and
        lengths: ``(samples float32, starts, lengths)``; None when the folder is absent."""
        def load():
            import tensorflow as tf
            folder = self.data_dir / BACKGROUND_NOISE_DIR
            if not folder.is_dir():
                return None
            clips = []
            for path in sorted(folder.glob("*.wav")):
                wav = tf.audio.decode_wav(tf.io.read_file(str(path)), desired_channels=1)
                samples = wav.audio.numpy()[:, 0]
                if len(samples) > self.clip_samples:
                    clips.append(samples)
            if not clips:
                raise DatasetUnavailable(f"Speech Commands: {folder} holds no WAV longer than one "
                                         f"clip; {self._how()}.")
            lengths = np.array([len(c) for c in clips], np.int64)
            starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
            return np.concatenate(clips).astype(np.float32), starts, lengths
        return self._cached("noise", load)

    # --- features (in the tf.data graph, per batch) ----------------------------------------------
    def features(self, audio):
        """(B, 98, 40, 1) MFCCs of a (B, samples) float batch: power spectrogram (30 ms Hann
        windows every 10 ms), 40 mel bands over 20 Hz - 4 kHz, log, 40 DCT coefficients."""
        import tensorflow as tf
        spectrogram = tf.raw_ops.AudioSpectrogram(
            input=tf.transpose(audio), window_size=self.window_samples, stride=self.stride_samples,
            magnitude_squared=True)
        mfcc = tf.raw_ops.Mfcc(spectrogram=spectrogram, sample_rate=self.sample_rate,
                               upper_frequency_limit=4000.0, lower_frequency_limit=20.0,
                               filterbank_channel_count=40,
                               dct_coefficient_count=self.feature_bin_count)
        return mfcc[..., tf.newaxis]

    def _mix(self, audio_int16, labels, seed, training: bool, noise):
        """Shift (training), silence-mute and mix ``noise`` (``background_noise()``) into a batch;
        returns float (B, samples)."""
        import tensorflow as tf
        n = self.clip_samples
        audio = tf.cast(audio_int16, tf.float32) / 32768.0
        b = tf.shape(audio)[0]
        seeds = tf.random.experimental.stateless_split(tf.cast(seed, tf.int64), num=6)
        silence = tf.equal(labels, SILENCE_INDEX)
        audio = tf.where(silence[:, None], 0.0, audio)
        shift = self.time_shift_samples if training else 0
        if shift > 0:                 # out[t] = in[t - s], zeros where t - s falls outside
            s = tf.random.stateless_uniform([b], seeds[0], -shift, shift, tf.int32)
            src = tf.range(n)[None, :] - s[:, None]
            inside = (src >= 0) & (src < n)
            audio = tf.where(inside, tf.gather(audio, tf.clip_by_value(src, 0, n - 1),
                                               batch_dims=1), 0.0)
        if noise is not None:
            samples, starts, lengths = (tf.constant(a) for a in noise)
            k = tf.random.stateless_uniform([b], seeds[1], 0, len(noise[1]), tf.int32)
            room = tf.cast(tf.gather(lengths, k) - n, tf.float32)
            offset = tf.cast(tf.floor(tf.random.stateless_uniform([b], seeds[2]) * room), tf.int64)
            at = (tf.gather(starts, k) + offset)[:, None] + tf.range(n, dtype=tf.int64)[None, :]
            stretch = tf.gather(samples, at)
            volume = tf.where(silence, tf.random.stateless_uniform([b], seeds[3]), 0.0)
            if training:
                mixed = tf.random.stateless_uniform([b], seeds[4]) < self.background_frequency
                word_volume = tf.random.stateless_uniform([b], seeds[5], 0.0,
                                                          self.background_volume)
                volume = tf.where(~silence & mixed, word_volume, volume)
            audio = audio + stretch * volume[:, None]
        return tf.clip_by_value(audio, -1.0, 1.0)

    # --- pipelines -------------------------------------------------------------------------------
    def train_batches(self, batch_size: int, seed: int = 0, class_weight=None, augment=None):
        """Shuffled batches (new order each epoch), shifted and noise-mixed when augmenting, as
        ``(x, y)`` or ``(x, y, sample_weight)``."""
        import tensorflow as tf
        x_np, y_np = self.audio("train")
        training = self.augment if augment is None else augment
        with tf.device("/CPU:0"):
            x, y = tf.constant(x_np), tf.constant(y_np)
        cw = None if class_weight is None else tf.constant(
            [float(class_weight.get(c, 1.0)) for c in range(self.num_classes)], tf.float32)
        n = len(y_np)
        noise = self.background_noise()
        order = (tf.data.Dataset.range(n).shuffle(n, seed=seed, reshuffle_each_iteration=True)
                 .batch(batch_size))
        rnd = tf.data.Dataset.random(seed=seed, rerandomize_each_iteration=True)

        def make(i, r):
            yb = tf.gather(y, i)
            audio = self._mix(tf.gather(x, i), yb, tf.stack([r, tf.constant(seed, tf.int64)]),
                              training, noise)
            xb = self.features(audio)
            return (xb, yb) if cw is None else (xb, yb, tf.gather(cw, yb))

        return (tf.data.Dataset.zip((order, rnd)).map(make, num_parallel_calls=tf.data.AUTOTUNE)
                .prefetch(tf.data.AUTOTUNE))

    def eval_features(self, split: str) -> Tuple[np.ndarray, np.ndarray]:
        """Features and labels of ``validation`` or ``test``: computed once, the same every time
        (silence clips mixed with noise drawn from fixed seeds, no shift)."""
        def compute():
            import tensorflow as tf
            x_np, y_np = self.audio(split)
            noise = self.background_noise()
            out = []
            for start in range(0, len(y_np), 512):
                seed = tf.constant([EVAL_NOISE_SEED, start], tf.int64)
                audio = self._mix(x_np[start:start + 512], tf.constant(y_np[start:start + 512]),
                                  seed, training=False, noise=noise)
                out.append(self.features(audio).numpy())
            x = np.concatenate(out) if out else np.zeros((0,) + self.input_shape, np.float32)
            return x.astype(np.float32), y_np
        if split not in ("validation", "test"):
            raise ValueError(f"unknown evaluation split {split!r}; use validation or test")
        return self._cached(("features", split), compute)

    def eval_batches(self, split: str, batch_size: int):
        import tensorflow as tf
        x, y = self.eval_features(split)
        return tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size).prefetch(tf.data.AUTOTUNE)
