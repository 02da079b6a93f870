"""Benchmark: ModelTrainer.train_and_eval against a plain ``model.fit`` of the same model.

    .venv/bin/python benchmarks/bench_trainer.py [--repeats N] [--digits-epochs E] [--fashion-epochs E]

Both sides train the same architecture from the same initial weights on the same data for the same
epochs, validate every epoch and evaluate the test set once. The baseline is what one would write by
hand: ``compile`` with Adam and cross-entropy from logits, ``fit`` on the numpy arrays with
``validation_data``, ``evaluate`` on the test arrays. The trainer runs without augmentation for the
ratio (the baseline has none); Fashion-MNIST is also timed with the trainer's augmentation on, for
information. Timings are medians (and minima, steadier on a shared machine) over ``--repeats`` interleaved runs;
the goal is a ratio <= 1.10.
"""
from __future__ import annotations

import argparse
import copy
import gc
import os
import statistics
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import keras  # noqa: E402

from config import TrainingConfig  # noqa: E402
from dataset import Digits, FashionMNIST  # noqa: E402
from model_trainer import ModelTrainer  # noqa: E402

BATCH_SIZE = 128
LEARNING_RATE = 2e-3


def small_cnn(input_shape, num_classes):
    """A candidate-sized CNN: two convolutions, pooling, a dense layer and the classifier."""
    L = keras.layers
    inputs = keras.Input(input_shape)
    x = L.Conv2D(16, 3, padding="same", activation="relu", name="conv1")(inputs)
    if input_shape[0] > 8:
        x = L.MaxPooling2D(2)(x)
    x = L.Conv2D(32, 3, padding="same", activation="relu", name="conv2")(x)
    x = L.MaxPooling2D(2)(x)
    x = L.Flatten()(x)
    x = L.Dense(64, activation="relu", name="dense")(x)
    outputs = L.Dense(num_classes, name="classifier")(x)
    return keras.Model(inputs, outputs)


def fresh_model(dataset, seed=0):
    keras.backend.clear_session()
    gc.collect()
    keras.utils.set_random_seed(seed)
    return small_cnn(dataset.input_shape, dataset.num_classes)


def time_plain_fit(dataset, epochs):
    s = dataset.splits()
    model = fresh_model(dataset)
    start = time.perf_counter()
    model.compile(optimizer=keras.optimizers.Adam(LEARNING_RATE),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    history = model.fit(s.x_train, s.y_train, batch_size=BATCH_SIZE, epochs=epochs,
                        validation_data=(s.x_val, s.y_val), verbose=0)
    _, test_acc = model.evaluate(s.x_test, s.y_test, batch_size=BATCH_SIZE, verbose=0)
    seconds = time.perf_counter() - start
    return seconds, 1 - max(history.history["val_accuracy"]), 1 - test_acc


def time_trainer(dataset, epochs):
    config = TrainingConfig(dataset=dataset, batch_size=BATCH_SIZE, epochs=epochs,
                            optimizer=lambda: keras.optimizers.Adam(LEARNING_RATE))
    model = fresh_model(dataset)
    start = time.perf_counter()
    result = ModelTrainer(config, seed=0).train_and_eval(model)
    seconds = time.perf_counter() - start
    if not result.ok:
        raise RuntimeError(result.error)
    return seconds, result.val_error, result.test_error


def compare(name, dataset, epochs, repeats, augmented=None):
    for ds in (dataset, augmented):                   # load outside the timings
        if ds is not None:
            ds.splits()
    plain, trainer, aug = [], [], []
    for _ in range(repeats):                          # interleaved: both sides see the same noise
        plain.append(time_plain_fit(dataset, epochs))
        trainer.append(time_trainer(dataset, epochs))
        if augmented is not None:
            aug.append(time_trainer(augmented, epochs))
    med = lambda runs: statistics.median(r[0] for r in runs)
    low = lambda runs: min(r[0] for r in runs)
    p, t = med(plain), med(trainer)
    print(f"{name:<14} {epochs:>3} epochs  plain fit {p:6.2f} s (min {low(plain):6.2f})  "
          f"trainer {t:6.2f} s (min {low(trainer):6.2f})  ratio {t / p:4.2f}x "
          f"(of minima {low(trainer) / low(plain):4.2f}x)")
    print(f"{'':<14} {'':>3}         val/test error: plain {plain[-1][1]:.3f}/{plain[-1][2]:.3f}, "
          f"trainer {trainer[-1][1]:.3f}/{trainer[-1][2]:.3f}")
    if aug:
        a = med(aug)
        print(f"{'':<14} {'':>3}         trainer with augmentation {a:6.2f} s (min {low(aug):6.2f}) "
              f"ratio {a / p:4.2f}x, val/test error {aug[-1][1]:.3f}/{aug[-1][2]:.3f}")
    return t / p


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--digits-epochs", type=int, default=30)
    parser.add_argument("--fashion-epochs", type=int, default=2)
    args = parser.parse_args(argv)
    print(f"keras {keras.__version__}, batch size {BATCH_SIZE}, {os.cpu_count()} CPUs, "
          f"median of {args.repeats}")
    compare("Digits", Digits(), args.digits_epochs, args.repeats)
    fashion = FashionMNIST(augment=False)
    if fashion.default_dirs and any(os.path.isdir(d) for d in fashion.default_dirs):
        augmented = copy.copy(fashion)
        augmented.augment = True
        compare("Fashion-MNIST", fashion, args.fashion_epochs, args.repeats, augmented)
    else:
        print("Fashion-MNIST: not installed (apt-get install dataset-fashion-mnist); skipped")


if __name__ == "__main__":
    main()
