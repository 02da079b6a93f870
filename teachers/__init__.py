"""Teacher models for knowledge distillation (``config.DistillationConfig(distill_from=...)``).

One module per dataset, with the original μNAS's teacher architecture and training recipe:
``chars74k``, ``cifar10``, ``cifar10_binary``, ``fashion_mnist``, ``speech_commands``; ``digits``
is this project's addition (a small teacher for the built-in 8x8 digits). Each module defines
``build_model(input_shape, num_classes)`` (logits, one per class), ``make_dataset(data_dir)``,
``optimizer()``, ``callbacks()``, ``EPOCHS``, ``BATCH_SIZE``, ``FULL_TRAINING_SET`` (train on the
validation split too, as the original does where it sets ``validation_split=0.0``) and ``OUTPUT``,
the file name the distillation configs expect. Train one with::

    python -m teachers.train chars74k --data-dir /datasets/chars74k   # writes cnn-chars74k.keras

Trained teachers are not committed (``*.keras`` is ignored).
"""
TEACHERS = ("chars74k", "cifar10", "cifar10_binary", "fashion_mnist", "speech_commands", "digits")
