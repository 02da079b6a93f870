"""The original's Fashion-MNIST teacher: two VGG-style stages (2 and 3 same-padded
conv-BN-ReLU, max pooling, dropout 0.25 / 0.35), then flatten, a 512-unit dense layer and dropout
0.2; AdamW (weight decay 5e-5), learning rate 0.001 then 0.0001 from epoch 25; batch 128, 40
epochs on the training split (the original keeps its default validation split here)."""
from teachers.blocks import conv_bn_relu

EPOCHS, BATCH_SIZE, FULL_TRAINING_SET = 40, 128, False
OUTPUT = "cnn-fashion-mnist.keras"

#: (filters per conv, number of convs, dropout after the pooling) of each stage.
STAGES = [(48, 2, 0.25), (96, 3, 0.35)]


def build_model(input_shape, num_classes):
    import keras
    L = keras.layers
    inputs = keras.Input(tuple(input_shape))
    x = inputs
    for filters, convs, dropout in STAGES:
        for _ in range(convs):
            x = conv_bn_relu(x, filters, 3, padding="same")
        x = L.Dropout(dropout)(L.MaxPooling2D(2)(x))
    x = L.Dropout(0.2)(L.Dense(512, activation="relu")(L.Flatten()(x)))
    return keras.Model(inputs, L.Dense(num_classes)(x), name="fashion_mnist_teacher")


def make_dataset(data_dir=None):
    from dataset import FashionMNIST
    return FashionMNIST(data_dir=data_dir)


def optimizer():
    from optimizers import AdamW
    return AdamW(learning_rate=0.001, weight_decay=5e-5)


def callbacks():
    import keras
    return [keras.callbacks.LearningRateScheduler(lambda epoch: 0.001 if epoch < 25 else 0.0001)]
