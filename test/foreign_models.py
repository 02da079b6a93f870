"""Small Keras networks that no search produced, for the TFLite/TFLM memory tests and
benchmarks/bench_tflite_memory.py: a MobileNet-style stack, a residual network with Adds, a
two-branch network whose converter order is not the best, and a three-way Add. Each builder takes
the ``keras`` module and returns a fresh model."""


def mobilenet(keras, input_size=24, channels=(16, 24)):
    L = keras.layers
    i = keras.Input((input_size, input_size, 3))
    h = L.Conv2D(8, 3, strides=2, padding="same", activation="relu")(i)
    for c in channels:
        h = L.DepthwiseConv2D(3, padding="same", activation="relu")(h)
        h = L.Conv2D(c, 1, activation="relu")(h)
    h = L.GlobalAveragePooling2D()(h)                     # MEAN: TFLM scratch buffers
    return keras.Model(i, L.Dense(10, activation="softmax")(h))


def residual(keras):
    L = keras.layers
    i = keras.Input((16, 16, 4))
    h = L.Conv2D(12, 3, padding="same", activation="relu")(i)
    for _ in range(3):
        b = L.Conv2D(12, 3, padding="same", activation="relu")(h)
        h = L.Add()([h, L.Conv2D(12, 3, padding="same")(b)])
    h = L.Flatten()(L.MaxPooling2D()(h))
    return keras.Model(i, L.Dense(5)(h))


def two_branch(keras):
    """The converter runs the branch that ends in a large tensor first: not the best order."""
    L = keras.layers
    i = keras.Input((16, 16, 3))
    a = L.Conv2D(32, 3, padding="same", activation="relu", name="conv2d")(i)
    a = L.Flatten(name="flatten")(L.MaxPooling2D(4, name="max_pooling2d")(a))
    b = L.Conv2D(4, 1, activation="relu", name="conv2d_1")(i)
    b = L.Flatten(name="flatten_1")(L.Conv2D(16, 3, padding="same", name="conv2d_2")(b))
    h = L.Concatenate(name="concatenate")([a, b])
    return keras.Model(i, L.Dense(3, name="dense")(h))


def three_way_add(keras):
    L = keras.layers
    i = keras.Input((16, 16, 8))
    x = L.Conv2D(16, 3, padding="same")(i)
    a = L.Conv2D(16, 1)(x)
    b = L.Conv2D(16, 3, padding="same")(x)
    c = L.Conv2D(16, 1)(L.AveragePooling2D(3, 1, padding="same")(x))
    h = L.Conv2D(8, 3, padding="same", activation="relu")(L.Add()([a, b, c]))
    return keras.Model(i, L.Dense(4)(L.Reshape((16 * 16 * 8,))(h)))


def lstm(keras):
    """A sequence model: UNIDIRECTIONAL_SEQUENCE_LSTM (variable state tensors, four scratch
    buffers) then FULLY_CONNECTED."""
    L = keras.layers
    i = keras.Input((6, 5))
    return keras.Model(i, L.Dense(3)(L.LSTM(8)(i)))


def transpose_conv(keras):
    """An upsampling decoder: TRANSPOSE_CONV (an int32 scratch buffer of its output's size)."""
    L = keras.layers
    i = keras.Input((6, 6, 4))
    h = L.Conv2DTranspose(6, 3, strides=2, padding="same")(i)
    return keras.Model(i, L.Conv2D(2, 1)(h))


def transpose_conv_wide(keras):
    """TRANSPOSE_CONV over more than 16 channels at stride 2: CMSIS-NN runs it as a convolution
    over the upsampled input (an im2col buffer and a reversed copy of the filter)."""
    L = keras.layers
    i = keras.Input((5, 5, 20))
    h = L.Conv2DTranspose(8, 3, strides=2, padding="same")(i)
    return keras.Model(i, L.Conv2D(2, 1)(h))


def elementwise(keras):
    """Operators μNAS never emits: CONCATENATION, MUL, SUB, TANH, LOGISTIC, LEAKY_RELU, PAD,
    STRIDED_SLICE, RELU/RELU6 layers on their own."""
    L = keras.layers
    i = keras.Input((8, 8, 4))
    a = L.Conv2D(4, 3, padding="same")(i)
    b = L.Activation("tanh")(a)
    c = L.Activation("sigmoid")(a)
    h = L.Multiply()([b, c])
    h = L.Subtract()([h, a])
    h = L.LeakyReLU(negative_slope=0.2)(h)
    h = L.ZeroPadding2D(1)(h)
    h = L.Cropping2D(((1, 2), (2, 1)))(h)
    h = L.Concatenate()([h, L.ReLU(max_value=6.0)(h)])
    h = L.ReLU()(L.Conv2D(3, 3)(h))
    return keras.Model(i, L.Dense(2)(L.Flatten()(h)))


def tiny_conv(keras):
    """One small convolution: its arena is bounded by TFLM's temporaries while it prepares, not by
    the final head and tail."""
    i = keras.Input((8, 8, 2))
    return keras.Model(i, keras.layers.Conv2D(4, 3)(i))


def dense_chain(keras):
    """FULLY_CONNECTED parameters after a 4-byte LEAKY_RELU parameter struct: the wheel aligns
    them to 8 bytes."""
    L = keras.layers
    i = keras.Input((9,))
    h = L.LeakyReLU(negative_slope=0.1)(L.Dense(7)(i))
    h = L.LeakyReLU(negative_slope=0.1)(L.Dense(5)(h))
    return keras.Model(i, L.Dense(3)(h))


def convert_all(builders, out):
    """name -> path of each ``builders[name](keras)`` model converted to int8 as the export
    converts it (seeded weights, 16 seeded calibration inputs), written under ``out``."""
    import keras
    import numpy as np

    from utils import convert_to_tflite, quiet_conversion

    paths = {}
    for name, build in builders.items():
        keras.utils.set_random_seed(0)
        model = build(keras)
        x = np.random.default_rng(0).random((16,) + tuple(model.inputs[0].shape[1:]),
                                            dtype=np.float32)
        paths[name] = out / f"{name}.tflite"
        paths[name].write_bytes(quiet_conversion(lambda: convert_to_tflite(model, x)))
    return paths
