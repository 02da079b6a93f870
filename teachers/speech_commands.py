"""The original's Speech Commands teacher: six 276-filter conv-BN-ReLU layers (the first a
same-padded 10x4 at stride (2, 1), the second 3x3 at stride 2, the rest 3x3, valid padding), global
average pooling; AdamW (weight decay 1e-5), learning rate 0.0005, 0.0001 from epoch 20, 0.00002
from epoch 40; batch 100, 50 epochs on the training split."""
from teachers.blocks import conv_bn_relu

EPOCHS, BATCH_SIZE, FULL_TRAINING_SET = 50, 100, False
OUTPUT = "cnn-speech-commands.keras"
DEFAULT_DATA_DIR = "/datasets/speech_commands_v0.02"

#: (filters, kernel size, strides, padding) of each conv-BN-ReLU, in order.
CONVS = [(276, (10, 4), (2, 1), "same"), (276, 3, (2, 2), "valid")] + [(276, 3, (1, 1), "valid")] * 4


def build_model(input_shape, num_classes):
    import keras
    L = keras.layers
    inputs = keras.Input(tuple(input_shape))
    x = inputs
    for filters, kernel, strides, padding in CONVS:
        x = conv_bn_relu(x, filters, kernel, strides=strides, padding=padding)
    x = L.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, L.Dense(num_classes)(x), name="speech_commands_teacher")


def make_dataset(data_dir=None):
    from dataset import SpeechCommands
    return SpeechCommands(data_dir or DEFAULT_DATA_DIR)


def optimizer():
    from optimizers import AdamW
    return AdamW(learning_rate=0.0005, weight_decay=1e-5)


def lr_schedule(epoch):
    if epoch < 20:
        return 0.0005
    return 0.0001 if epoch < 40 else 0.00002


def callbacks():
    import keras
    return [keras.callbacks.LearningRateScheduler(lr_schedule)]
