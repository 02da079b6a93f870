"""The original's Chars74K teacher: a plain all-convolutional network (valid padding, two stride-2
stages) ending in global average pooling and three heavily dropped-out dense layers; AdamW
(learning rate 0.001, weight decay 5e-4), batch 128, 200 epochs, trained on the whole training set
with the test set as validation data."""
from teachers.blocks import conv_bn_relu

EPOCHS, BATCH_SIZE, FULL_TRAINING_SET = 200, 128, True
OUTPUT = "cnn-chars74k.keras"
DEFAULT_DATA_DIR = "/datasets/chars74k"

#: (filters, kernel size, stride) of each conv-BN-ReLU, in order.
CONVS = [(64, 5, 1), (96, 3, 2), (96, 3, 1), (96, 3, 1), (192, 3, 2), (192, 3, 1), (192, 3, 1),
         (256, 3, 1)]
DENSE_UNITS, DROPOUT = (1024, 512, 512), 0.65


def build_model(input_shape, num_classes):
    import keras
    L = keras.layers
    inputs = keras.Input(tuple(input_shape))
    x = inputs
    for filters, kernel, stride in CONVS:
        x = conv_bn_relu(x, filters, kernel, strides=stride)
    x = L.GlobalAveragePooling2D()(x)
    for units in DENSE_UNITS:
        x = L.Dense(units, activation="relu")(L.Dropout(DROPOUT)(x))
    return keras.Model(inputs, L.Dense(num_classes)(x), name="chars74k_teacher")


def make_dataset(data_dir=None):
    from dataset import Chars74K
    return Chars74K(data_dir or DEFAULT_DATA_DIR, img_size=(48, 48))


def optimizer():
    from optimizers import AdamW
    return AdamW(learning_rate=0.001, weight_decay=5e-4)


def callbacks():
    return []
