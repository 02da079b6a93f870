"""Teacher models for knowledge distillation (``config.DistillationConfig(distill_from=...)``).

A teacher is a saved Keras model (``.keras``) that takes the dataset's images and outputs logits
(one per class; one for a binary task). Trained teachers are not committed (``*.keras`` is ignored
here); make one for a dataset with::

    python -m teachers.train digits --out teachers/digits_teacher.keras
    python -m teachers.train fashion_mnist --epochs 30 --out teachers/fashion_mnist_teacher.keras

or from Python with ``teachers.train.train_teacher(dataset, out_path, epochs=...)``.
"""
