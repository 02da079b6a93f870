"""Train a distillation teacher with its recipe (``teachers/<DATASET>.py``) and save it.

    python -m teachers.train DATASET [--out PATH] [--data-dir DIR] [--epochs N] [--seed S]
                                     [--width W (digits only)]

DATASET is chars74k, cifar10, cifar10_binary, fashion_mnist, speech_commands (the original's
teachers) or digits (this project's). As the original does, the teacher is compiled with sparse
categorical cross-entropy on its logits, trained on shuffled batches of the training data (with
the validation split too where the recipe says so) with the test set as validation data, and saved
under the recipe's file name in the working directory unless ``--out`` says otherwise. Data that
cannot be found is a one-line error and exit code 2.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from teachers import TEACHERS


def recipe(name: str):
    """The teacher module of ``name`` (one of ``teachers.TEACHERS``)."""
    if name not in TEACHERS:
        raise ValueError(f"unknown teacher {name!r}; choose one of {', '.join(TEACHERS)}")
    return importlib.import_module(f"teachers.{name}")


def train(name: str, out=None, *, dataset=None, data_dir=None, epochs=None, optimizer=None,
          seed: int = 0, verbose: int = 2, **build_kwargs):
    """Build, train and save the teacher of ``name``; returns ``(model, test_error, out_path)``.

    ``dataset``/``optimizer`` (a factory) replace the recipe's, e.g. for a run on tiny data."""
    import keras

    r = recipe(name)
    ds = dataset if dataset is not None else r.make_dataset(data_dir)
    keras.utils.set_random_seed(seed)
    model = r.build_model(ds.input_shape, ds.num_classes, **build_kwargs)
    model.compile(optimizer=(optimizer or r.optimizer)(),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    train_data = ds.train_dataset()
    if r.FULL_TRAINING_SET:
        train_data = train_data.concatenate(ds.validation_dataset())
    batches = (train_data.shuffle(8 * r.BATCH_SIZE, seed=seed).batch(r.BATCH_SIZE)
               .prefetch(-1))
    test = ds.test_dataset().batch(r.BATCH_SIZE)
    model.fit(batches, validation_data=test, epochs=epochs or r.EPOCHS, callbacks=r.callbacks(),
              shuffle=False, verbose=verbose)  # already shuffled
    _, accuracy = model.evaluate(test, verbose=0)
    out = Path(out or r.OUTPUT)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(str(out))
    return model, 1.0 - float(accuracy), out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m teachers.train",
                                description=__doc__.split("\n")[0])
    p.add_argument("dataset", choices=TEACHERS)
    p.add_argument("--out", help="where to save the teacher (default: the recipe's file name, "
                                 "e.g. cnn-chars74k.keras, in the working directory)")
    p.add_argument("--data-dir", help="where the dataset is (default: the recipe's)")
    p.add_argument("--epochs", type=int, help="default: the recipe's")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--width", type=int, help="filters of the first block (digits only)")
    args = p.parse_args(argv)
    if args.width is not None and args.dataset != "digits":
        p.error("--width applies to the digits teacher only")
    if args.epochs is not None and args.epochs < 1:
        p.error("--epochs must be >= 1")

    from dataset import DatasetUnavailable
    build = {} if args.width is None else {"width": args.width}
    try:
        _, test_error, out = train(args.dataset, args.out, data_dir=args.data_dir,
                                   epochs=args.epochs, seed=args.seed, **build)
    except (DatasetUnavailable, ImportError) as e:
        print(f"error: teacher {args.dataset}: {' '.join(str(e).split())}", file=sys.stderr)
        return 2
    print(f"saved {out}: test error {test_error:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
