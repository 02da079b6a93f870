"""Benchmark: the Speech Commands input pipeline alone against training a small candidate on it.

    .venv/bin/python benchmarks/bench_input_pipeline.py [--speakers N] [--epochs E] [--batch-size B]

Writes a synthetic Speech Commands tree (16 kHz WAVs, ``_background_noise_``, the list files) in
a temporary directory, then times per epoch, on the same data:

- pipeline alone: iterate ``train_batches`` (shuffle, time shift, noise mixing, spectrogram and
  MFCCs, all in the tf.data graph) plus the cached validation features, consuming nothing else;
- training: ``model.fit`` of a small candidate CNN on those batches with validation each epoch.

The first epoch also decodes the WAVs and computes (then caches) the validation features; it is
reported apart. The figure of merit is the ratio of the median later epochs: pipeline / training,
in wall-clock and in CPU time (training's includes the pipeline feeding it). Training features
cannot be cached: noise and shifts are mixed into the audio before the (non-linear) MFCCs, as in
the original; only decoded audio and the validation/test features are kept.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "test"))

import keras  # noqa: E402

from dataset import SpeechCommands  # noqa: E402
from dataset_trees import make_speech_commands  # noqa: E402


def small_candidate(input_shape, num_classes):
    """A candidate-sized CNN for (98, 40, 1) MFCCs: three strided convolutions, pooling, classifier."""
    L = keras.layers
    inputs = keras.Input(input_shape)
    x = L.Conv2D(16, 3, strides=2, padding="same", activation="relu")(inputs)
    x = L.DepthwiseConv2D(3, padding="same", activation="relu")(x)
    x = L.Conv2D(32, 1, activation="relu")(x)
    x = L.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
    x = L.GlobalAveragePooling2D()(x)
    outputs = L.Dense(num_classes)(x)
    return keras.Model(inputs, outputs)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--speakers", type=int, default=40, help="training speakers (each says every "
                                                            "word twice); default 40")
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--batch-size", type=int, default=50, help="the original config's 50")
    args = p.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        make_speech_commands(tmp, per_split=(args.speakers, 4, 4), clips_per_speaker=2)
        print(f"synthetic tree written in {time.perf_counter() - t:.1f} s")
        ds = SpeechCommands(tmp)
        sizes = {k: len(v) for k, v in ds.index().items()}
        print(f"clips: {sizes}; input shape {ds.input_shape}")

        pipe, pipe_cpu = [], []
        for epoch in range(args.epochs):
            t, c = time.perf_counter(), time.process_time()
            for _ in ds.train_batches(args.batch_size, seed=0):
                pass
            for _ in ds.eval_batches("validation", args.batch_size):
                pass
            pipe.append(time.perf_counter() - t)
            pipe_cpu.append(time.process_time() - c)

        model = small_candidate(ds.input_shape, ds.num_classes)
        model.compile(optimizer=keras.optimizers.Adam(1e-3), metrics=["accuracy"],
                      loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        times, times_cpu = [], []

        class Clock(keras.callbacks.Callback):
            def on_epoch_begin(self, epoch, logs=None):
                self.t, self.c = time.perf_counter(), time.process_time()

            def on_epoch_end(self, epoch, logs=None):
                times.append(time.perf_counter() - self.t)
                times_cpu.append(time.process_time() - self.c)

        model.fit(ds.train_batches(args.batch_size, seed=1), epochs=args.epochs, verbose=0,
                  validation_data=ds.eval_batches("validation", args.batch_size),
                  callbacks=[Clock()])

    later_pipe, later_train = statistics.median(pipe[1:]), statistics.median(times[1:])
    print(f"pipeline alone: first epoch {pipe[0]:.2f} s (decodes WAVs, computes validation "
          f"features), later epochs median {later_pipe:.3f} s {[round(x, 3) for x in pipe[1:]]}")
    print(f"training:       first epoch {times[0]:.2f} s, later epochs median {later_train:.3f} s "
          f"{[round(x, 3) for x in times[1:]]}")
    print(f"ratio pipeline / training per epoch: {later_pipe / later_train:.3f} (wall clock); "
          f"{statistics.median(pipe_cpu[1:]) / statistics.median(times_cpu[1:]):.3f} (CPU time of "
          f"this process, all threads: steadier on a shared machine)")
    load = os.getloadavg()
    print(f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
