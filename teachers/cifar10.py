"""The original's CIFAR-10 teacher: a MobileNetV2-like network (width 1.0, first convolution at
stride 1 for 32x32 inputs, inverted residual blocks with a 1x1 "adjust" convolution on a shortcut
whose channel count changes, 1,280-channel head); SGDW (momentum 0.9, weight decay 6e-5), learning
rate 0.1, 0.01 from epoch 35, 0.001 from epoch 65; batch 128, 90 epochs on the whole training set."""
EPOCHS, BATCH_SIZE, FULL_TRAINING_SET = 90, 128, True
OUTPUT = "cnn-cifar10.keras"

#: (output channels, stride, expansion factor) of each inverted residual block, in order.
BLOCKS = ([(16, 1, 1)] + [(24, 1, 6)] * 2 + [(32, 2, 6)] + [(32, 1, 6)] * 2 + [(64, 2, 6)]
          + [(64, 1, 6)] * 3 + [(96, 1, 6)] * 3 + [(160, 2, 6)] + [(160, 1, 6)] * 2
          + [(320, 1, 6)])


def inverted_residual(x, out_channels, stride, expansion, name):
    """Expand (1x1), depthwise 3x3 (``stride``), project (1x1, linear); at stride 1 the input is
    added back, through a 1x1 convolution when the channel counts differ."""
    import keras
    L = keras.layers
    shortcut, channels = x, x.shape[-1]
    y = L.Conv2D(expansion * channels, 1, use_bias=False, name=f"{name}_expand")(x)
    y = L.ReLU(name=f"{name}_expand_relu")(L.BatchNormalization(name=f"{name}_expand_bn")(y))
    y = L.DepthwiseConv2D(3, strides=stride, padding="same", use_bias=False,
                          name=f"{name}_depthwise")(y)
    y = L.ReLU(name=f"{name}_depthwise_relu")(L.BatchNormalization(name=f"{name}_depthwise_bn")(y))
    y = L.Conv2D(out_channels, 1, use_bias=False, name=f"{name}_project")(y)
    y = L.BatchNormalization(name=f"{name}_project_bn")(y)
    if stride != 1:
        return y
    if channels != out_channels:
        shortcut = L.Conv2D(out_channels, 1, use_bias=False, name=f"{name}_adjust")(shortcut)
    return L.Add(name=f"{name}_add")([shortcut, y])


def build_model(input_shape, num_classes):
    import keras
    L = keras.layers
    inputs = keras.Input(tuple(input_shape))
    x = L.Conv2D(32, 3, padding="same", use_bias=False, name="stem")(inputs)
    x = L.ReLU(name="stem_relu")(L.BatchNormalization(name="stem_bn")(x))
    for i, (channels, stride, expansion) in enumerate(BLOCKS):
        x = inverted_residual(x, channels, stride, expansion, name=f"block{i}")
    x = L.Conv2D(1280, 1, use_bias=False, name="head")(x)
    x = L.ReLU(name="head_relu")(L.BatchNormalization(name="head_bn")(x))
    x = L.GlobalAveragePooling2D(name="gap")(x)
    return keras.Model(inputs, L.Dense(num_classes, name="logits")(x), name="cifar10_teacher")


def make_dataset(data_dir=None):
    from dataset import CIFAR10
    return CIFAR10(data_dir=data_dir)


def optimizer():
    from optimizers import SGDW
    return SGDW(learning_rate=0.1, momentum=0.9, weight_decay=6e-5, nesterov=False)


def lr_schedule(epoch):
    if epoch < 35:
        return 0.1
    return 0.01 if epoch < 65 else 0.001


def callbacks():
    import keras
    return [keras.callbacks.LearningRateScheduler(lr_schedule)]
