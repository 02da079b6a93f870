"""The original's binary CIFAR-10 teacher: the CIFAR-10 MobileNetV2-like network (two logits);
SGDW (momentum 0.9, weight decay 1e-5), learning rate 0.01, 0.005 from epoch 35, 0.001 from epoch
65; batch 128, 80 epochs on the whole training set."""
from teachers.cifar10 import build_model  # noqa: F401 - the same architecture

EPOCHS, BATCH_SIZE, FULL_TRAINING_SET = 80, 128, True
OUTPUT = "cnn-cifar10-binary.keras"


def make_dataset(data_dir=None):
    from dataset import CIFAR10
    return CIFAR10(data_dir=data_dir, binary=True)


def optimizer():
    from optimizers import SGDW
    return SGDW(learning_rate=0.01, momentum=0.9, weight_decay=1e-5)


def lr_schedule(epoch):
    if epoch < 35:
        return 0.01
    return 0.005 if epoch < 65 else 0.001


def callbacks():
    import keras
    return [keras.callbacks.LearningRateScheduler(lr_schedule)]
