"""Layer groups the teacher architectures share (standard Keras layers only, so a saved teacher
loads without custom objects)."""


def conv_bn_relu(x, filters, kernel_size, strides=1, padding="valid"):
    """Convolution (with bias, as the original's teachers), batch norm, ReLU."""
    import keras
    L = keras.layers
    x = L.Conv2D(filters, kernel_size, strides=strides, padding=padding)(x)
    return L.ReLU()(L.BatchNormalization()(x))
