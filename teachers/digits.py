"""This project's addition (the original has no Digits data): a small VGG-style teacher for the
built-in 8x8 digits, used by the distillation tests. Conv-conv blocks of ``width``, 2x and 4x
``width`` filters with max pooling while the image is larger than 4x4, global average pooling, a
dense layer and dropout 0.3; Adam at 0.002, batch 128, 20 epochs on the training split."""
EPOCHS, BATCH_SIZE, FULL_TRAINING_SET = 20, 128, False
OUTPUT = "digits_teacher.keras"


def build_model(input_shape, num_classes, width: int = 32):
    import keras
    L = keras.layers
    inputs = keras.Input(tuple(input_shape))
    x = inputs
    size, filters = min(input_shape[0], input_shape[1]), width
    for block in range(3):
        for _ in range(2):
            x = L.Conv2D(filters, 3, padding="same", use_bias=False)(x)
            x = L.ReLU()(L.BatchNormalization(momentum=0.9)(x))
        if size > 4:
            x = L.MaxPooling2D(2)(x)
            size //= 2
        filters *= 2
    x = L.Dense(4 * width, activation="relu")(L.GlobalAveragePooling2D()(x))
    x = L.Dropout(0.3)(x)
    return keras.Model(inputs, L.Dense(num_classes)(x), name="digits_teacher")


def make_dataset(data_dir=None):
    from dataset import Digits
    return Digits()


def optimizer():
    import keras
    return keras.optimizers.Adam(learning_rate=0.002)


def callbacks():
    return []
