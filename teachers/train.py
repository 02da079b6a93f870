"""Train a teacher for distillation and save it as a ``.keras`` file.

    python -m teachers.train DATASET [--out PATH] [--epochs N] [--binary] [--data-dir DIR] [--seed S]

DATASET is one of digits, mnist, fashion_mnist, cifar10. The teacher is a plain CNN, several times
larger than the candidates μNAS searches for, built from standard Keras layers only (so
``keras.models.load_model`` needs no custom objects), and trained with the same ``ModelTrainer`` the
search uses. It prints the teacher's validation and test error.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

DATASETS = ("digits", "mnist", "fashion_mnist", "cifar10")


def make_dataset(name: str, binary: bool = False, data_dir=None):
    import dataset
    if name == "digits":
        return dataset.Digits(binary=binary)
    classes = {"mnist": dataset.MNIST, "fashion_mnist": dataset.FashionMNIST,
               "cifar10": dataset.CIFAR10}
    if name not in classes:
        raise ValueError(f"unknown dataset {name!r}; choose one of {', '.join(DATASETS)}")
    return classes[name](data_dir=data_dir, binary=binary)


def build_teacher(input_shape, num_classes: int, width: int = 32):
    """A VGG-style CNN: conv-conv blocks (width, 2*width, 4*width) with max pooling while the image
    is larger than 4x4, global average pooling, a dense layer and the logits ("classifier")."""
    import keras
    L = keras.layers
    inputs = keras.Input(tuple(input_shape))
    x = inputs
    size, filters = min(input_shape[0], input_shape[1]), width
    for block in range(3):
        for i in range(2):
            x = L.Conv2D(filters, 3, padding="same", use_bias=False, name=f"conv{block}_{i}")(x)
            x = L.BatchNormalization(momentum=0.9, name=f"bn{block}_{i}")(x)
            x = L.ReLU(name=f"relu{block}_{i}")(x)
        if size > 4:
            x = L.MaxPooling2D(2, name=f"pool{block}")(x)
            size //= 2
        filters *= 2
    x = L.GlobalAveragePooling2D(name="gap")(x)
    x = L.Dense(4 * width, activation="relu", name="dense")(x)
    x = L.Dropout(0.3, name="dropout")(x)
    outputs = L.Dense(1 if num_classes == 2 else num_classes, name="classifier")(x)
    return keras.Model(inputs, outputs, name="teacher")


def train_teacher(dataset, out_path, epochs: int = 20, batch_size: int = 128, seed: int = 0,
                  width: int = 32, learning_rate: float = 2e-3, verbose: int = 0):
    """Train a teacher on ``dataset`` and save it to ``out_path``; returns the ``TrainingResult``.
    Raises ``RuntimeError`` if training failed (nothing is saved then)."""
    import keras

    from config import TrainingConfig
    from model_trainer import ModelTrainer

    config = TrainingConfig(
        dataset=dataset, batch_size=batch_size, epochs=epochs,
        optimizer=lambda: keras.optimizers.Adam(learning_rate))
    model = build_teacher(dataset.input_shape, dataset.num_classes, width=width)
    result = ModelTrainer(config, seed=seed, verbose=verbose).train_and_eval(model)
    if not result.ok:
        raise RuntimeError(f"training the teacher failed: {result.error}")
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    model.save(str(out_path))
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m teachers.train", description=__doc__.split("\n")[0])
    parser.add_argument("dataset", choices=DATASETS)
    parser.add_argument("--out", help="where to save the teacher (default teachers/DATASET_teacher.keras)")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--width", type=int, default=32, help="filters of the first conv block")
    parser.add_argument("--binary", action="store_true", help="the two-class version of the dataset")
    parser.add_argument("--data-dir", help="local copy of the dataset (see dataset/)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    from dataset import DatasetUnavailable
    suffix = "_binary" if args.binary else ""
    out = args.out or str(Path(__file__).parent / f"{args.dataset}{suffix}_teacher.keras")
    try:
        ds = make_dataset(args.dataset, binary=args.binary, data_dir=args.data_dir)
        result = train_teacher(ds, out, epochs=args.epochs, batch_size=args.batch_size,
                               seed=args.seed, width=args.width, verbose=2)
    except (DatasetUnavailable, RuntimeError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"saved {out}: val error {result.val_error:.4f}, test error {result.test_error:.4f} "
          f"({result.epochs_run} epochs, {result.train_seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
