"""Datasets: lazily loaded, float32 images in [0, 1] of ``input_shape``, a seeded stratified
validation split, balanced class weights, binary versions, fast batched pipelines with vectorised
augmentation, and a one-line error naming the dataset, where we looked and what to do when the
data is missing.

MNIST and Fashion-MNIST are read from small IDX files the tests write; the tensorflow-datasets path
runs under ``tfds.testing.mock_data``; Digits is the real scikit-learn data."""
import pickle

import numpy as np
import pytest

from dataset import CIFAR10, MNIST, DatasetUnavailable, Digits, Dummy, FashionMNIST
from dataset.augment import augment_batch
from dataset.idx import read_idx, write_idx
from dataset.sources import FASHION_MNIST_DEBIAN_DIR


def as_numpy(ds):
    xs, ys = zip(*((x.numpy(), y.numpy()) for x, y in ds))
    return np.stack(xs), np.array(ys)


def class_fractions(y, num_classes):
    return np.bincount(y, minlength=num_classes) / len(y)


# --- Digits: the built-in default ----------------------------------------------------------------
@pytest.fixture(scope="module")
def digits():
    return Digits()


def test_digits_shapes_ranges_and_split_sizes(digits):
    assert digits.input_shape == (8, 8, 1) and digits.num_classes == 10
    s = digits.splits()
    # 1797 images: 20 % test (360), then 10 % of the rest for validation.
    assert (len(s.y_train), len(s.y_val), len(s.y_test)) == (1293, 144, 360)
    for x in (s.x_train, s.x_val, s.x_test):
        assert x.dtype == np.float32 and x.shape[1:] == (8, 8, 1)
        assert x.min() == 0.0 and x.max() == 1.0
    x, y = as_numpy(digits.validation_dataset())
    assert x.shape == (144, 8, 8, 1) and x.dtype == np.float32 and set(y) == set(range(10))
    assert len(list(digits.train_dataset())) == 1293 and len(list(digits.test_dataset())) == 360


def test_validation_split_is_stratified_and_seeded(digits):
    s = digits.splits()
    train, val = class_fractions(s.y_train, 10), class_fractions(s.y_val, 10)
    assert np.abs(train - val).max() < 0.01
    again = Digits().splits()
    np.testing.assert_array_equal(again.x_val, s.x_val)
    other = Digits(seed=1).splits()
    assert not np.array_equal(other.y_val, s.y_val)


def test_class_weights_are_balanced(digits):
    """μNAS balanced the labels of the training, validation and test splits taken together."""
    weights = digits.class_weight()
    assert sorted(weights) == list(range(10))
    s = digits.splits()
    y = np.concatenate([s.y_train, s.y_val, s.y_test])
    counts = np.bincount(y)
    # scikit-learn's "balanced": n / (k * count_c); so weight * count is the same for all classes.
    np.testing.assert_allclose([weights[c] * counts[c] for c in range(10)], len(y) / 10)

    binary = Digits(binary=True)
    w = binary.class_weight()
    sb = binary.splits()
    yb = np.concatenate([sb.y_train, sb.y_val, sb.y_test])
    np.testing.assert_allclose(w[0] * (yb == 0).sum(), w[1] * (yb == 1).sum())
    np.testing.assert_allclose(w[0] * (yb == 0).sum(), len(yb) / 2)


def test_binary_mnist_family_is_digit_below_five():
    d, b = Digits(), Digits(binary=True)
    assert b.num_classes == 2 and d.num_classes == 10
    np.testing.assert_array_equal(b.splits().y_test, (d.splits().y_test < 5).astype(np.int32))


def test_constructing_reads_nothing_and_pickles_without_data(tmp_path):
    missing = MNIST(data_dir=tmp_path / "nowhere")      # no error until the data is needed
    assert missing.input_shape == (28, 28, 1) and missing.num_classes == 10
    d = Digits()
    d.splits()
    clone = pickle.loads(pickle.dumps(d))
    assert clone._splits is None                       # the recipe travels, not the arrays
    np.testing.assert_array_equal(clone.splits().y_val, d.splits().y_val)


# --- batched pipelines ---------------------------------------------------------------------------
def test_train_batches_shuffle_deterministically_per_seed(digits):
    def first_epoch_labels(seed):
        return np.concatenate([y.numpy() for _, y in digits.train_batches(64, seed=seed)])

    a, b, c = first_epoch_labels(0), first_epoch_labels(0), first_epoch_labels(1)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    assert sorted(a) == sorted(digits.splits().y_train)          # a permutation: every image once
    batches = digits.train_batches(64, seed=0)
    epoch1 = np.concatenate([y.numpy() for _, y in batches])
    epoch2 = np.concatenate([y.numpy() for _, y in batches])
    assert not np.array_equal(epoch1, epoch2)                    # reshuffled every epoch


def test_train_batches_carry_class_weights_as_sample_weights(digits):
    weights = {c: float(c + 1) for c in range(10)}
    x, y, w = next(iter(digits.train_batches(32, seed=0, class_weight=weights)))
    assert x.shape == (32, 8, 8, 1)
    np.testing.assert_allclose(w.numpy(), y.numpy() + 1.0)


def test_eval_batches_keep_order(digits):
    y = np.concatenate([yb.numpy() for _, yb in digits.eval_batches("test", 100)])
    np.testing.assert_array_equal(y, digits.splits().y_test)


# --- augmentation ------------------------------------------------------------------------------------
def test_augmentation_shift_flip_and_identity():
    img = np.zeros((1, 6, 6, 1), np.float32)
    img[0, 2, 1, 0] = 1.0
    seed = np.array([1, 2])
    same = augment_batch(img, seed).numpy()
    np.testing.assert_allclose(same, img, atol=1e-6)

    mirrored = augment_batch(np.repeat(img, 64, 0), seed, flip=True).numpy()
    flipped = img[:, :, ::-1]
    kinds = [("same" if np.allclose(m, img[0], atol=1e-6) else
              "flip" if np.allclose(m, flipped[0], atol=1e-6) else "other") for m in mirrored]
    assert "other" not in kinds and 10 < kinds.count("flip") < 54

    centre = np.zeros((64, 8, 8, 1), np.float32)
    centre[:, 3, 4, 0] = 1.0
    shifted = augment_batch(centre, seed, shift=2).numpy()[..., 0]
    moves = set()
    for m in shifted:                                   # integer shifts move the pixel intact
        (r, c), = np.argwhere(m > 0.5)
        assert np.isclose(m.sum(), 1.0, atol=1e-5) and abs(r - 3) <= 2 and abs(c - 4) <= 2
        moves.add((r - 3, c - 4))
    assert len(moves) > 10


def test_shift_pads_with_mirrored_edges_as_symmetric_padding_and_crop():
    """μNAS: tf.pad(SYMMETRIC) by the shift, then a random crop back to size: 25 distinct outcomes
    for a shift of 2, each exactly one of those crops."""
    img = np.arange(36, dtype=np.float32).reshape(1, 6, 6, 1)
    out = augment_batch(np.repeat(img, 300, 0), np.array([3, 4]), shift=2).numpy()[..., 0]
    padded = np.pad(img[0, ..., 0], 2, mode="symmetric")
    crops = {padded[oy:oy + 6, ox:ox + 6].tobytes() for oy in range(5) for ox in range(5)}
    seen = {o.tobytes() for o in out}
    assert seen <= crops and len(seen) == 25


def test_rotation_is_nearest_neighbour_up_to_0_2_rad_with_probability_0_3():
    n, size = 600, 41
    img = np.zeros((n, size, size, 1), np.float32)
    img[:, 20, 36, 0] = 1.0                                 # 16 pixels right of the centre (20, 20)
    img[:, 0, 0, 0] = 0.5                                   # a corner: rotated away when rotated
    out = augment_batch(img, np.array([5, 6]), rotation_prob=0.3,
                        max_rotation_deg=np.degrees(0.2)).numpy()[..., 0]
    assert set(np.unique(out)) <= {0.0, 0.5, 1.0}           # nearest: no blended values
    angles = []
    for o in out:
        rows, cols = np.nonzero(o == 1.0)
        angles.append(np.arctan2(np.mean(rows) - 20, np.mean(cols) - 20))
    angles = np.abs(np.array(angles))
    rotated = angles > 0.04
    assert 0.22 < rotated.mean() < 0.38
    assert angles.max() <= 0.2 + 1 / 16 and angles.max() > 0.15
    assert (out[angles > 0.1, 0, 0] == 0).all()            # zeros come in at the corners


def test_mnist_augments_training_batches_only(tmp_path):
    write_mnist_idx(tmp_path, n_train=200, n_test=20)
    ds = MNIST(data_dir=tmp_path)
    assert (ds.shift, ds.rotation_prob, ds.flip) == (2, 0.3, False)
    assert ds.max_rotation_deg == pytest.approx(np.degrees(0.2))
    assert FashionMNIST.flip and FashionMNIST.shift == 2
    plain = MNIST(data_dir=tmp_path, augment=False)
    xa, ya = next(iter(ds.train_batches(200, seed=0)))
    xp, yp = next(iter(plain.train_batches(200, seed=0)))
    np.testing.assert_array_equal(ya, yp)                        # same order, different pixels
    assert not np.allclose(xa, xp)
    assert 0.0 <= float(np.min(xa)) and float(np.max(xa)) <= 1.0
    xv, _ = next(iter(ds.eval_batches("validation", 500)))
    np.testing.assert_array_equal(xv.numpy(), ds.splits().x_val)


# --- MNIST / Fashion-MNIST from IDX files ----------------------------------------------------------
def write_mnist_idx(directory, n_train=300, n_test=50, gz=False, seed=0):
    rng = np.random.default_rng(seed)
    ext = ".gz" if gz else ""
    arrays = {"train-images-idx3-ubyte": rng.integers(0, 256, (n_train, 28, 28)),
              "train-labels-idx1-ubyte": np.arange(n_train) % 10,
              "t10k-images-idx3-ubyte": rng.integers(0, 256, (n_test, 28, 28)),
              "t10k-labels-idx1-ubyte": np.arange(n_test) % 10}
    for name, a in arrays.items():
        write_idx(directory / (name + ext), a)
    return arrays


@pytest.mark.parametrize("cls, gz", [(MNIST, False), (FashionMNIST, True)])
def test_mnist_family_reads_idx_files(tmp_path, cls, gz):
    arrays = write_mnist_idx(tmp_path, gz=gz)
    ds = cls(data_dir=tmp_path)
    s = ds.splits()
    assert (len(s.y_train), len(s.y_val), len(s.y_test)) == (270, 30, 50)
    assert s.x_train.shape[1:] == (28, 28, 1) and s.x_train.dtype == np.float32
    np.testing.assert_allclose(s.x_test[..., 0], arrays["t10k-images-idx3-ubyte"] / 255.0, atol=1e-6)
    np.testing.assert_array_equal(np.bincount(s.y_val), [3] * 10)      # stratified
    binary = cls(data_dir=tmp_path, binary=True)
    np.testing.assert_array_equal(binary.splits().y_test, (arrays["t10k-labels-idx1-ubyte"] < 5))


def test_idx_round_trip(tmp_path):
    a = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    write_idx(tmp_path / "a.gz", a)
    np.testing.assert_array_equal(read_idx(tmp_path / "a.gz"), a)
    (tmp_path / "bad").write_bytes(b"\x01\x02\x03")
    with pytest.raises(ValueError, match="not an IDX file"):
        read_idx(tmp_path / "bad")


@pytest.mark.skipif(not FASHION_MNIST_DEBIAN_DIR.is_dir(),
                    reason="Debian's dataset-fashion-mnist is not installed")
def test_fashion_mnist_reads_the_debian_package_by_default():
    s = FashionMNIST().splits()
    assert (len(s.y_train), len(s.y_val), len(s.y_test)) == (54000, 6000, 10000)
    assert s.x_train.shape[1:] == (28, 28, 1) and 0.0 <= s.x_train.min() and s.x_train.max() <= 1.0
    np.testing.assert_array_equal(np.bincount(s.y_val), [600] * 10)


# --- tensorflow-datasets (mocked: no network) ----------------------------------------------------
def test_tfds_path_under_mock_data():
    import tensorflow_datasets as tfds
    with tfds.testing.mock_data(num_examples=50):
        mnist = MNIST().splits()                              # no data_dir: through TFDS
        cifar = CIFAR10(binary=True)
        c = cifar.splits()
    assert mnist.x_train.shape[1:] == (28, 28, 1) and len(mnist.y_train) + len(mnist.y_val) == 50
    assert mnist.x_train.dtype == np.float32 and mnist.x_train.max() <= 1.0
    assert c.x_train.shape[1:] == (32, 32, 3) and cifar.num_classes == 2
    assert set(np.unique(c.y_train)) <= {0, 1}


# --- missing data: one clear line ----------------------------------------------------------------
def test_missing_data_dir_names_dataset_place_and_remedy(tmp_path):
    with pytest.raises(DatasetUnavailable) as err:
        MNIST(data_dir=tmp_path).splits()
    msg = str(err.value)
    assert "\n" not in msg and "MNIST" in msg and str(tmp_path) in msg
    assert "data_dir=" in msg and "train-images-idx3-ubyte" in msg


def test_offline_without_local_copy_is_one_line_not_a_tfds_traceback(tmp_path):
    ds = FashionMNIST(download=False, tfds_data_dir=str(tmp_path / "tfds"))
    ds.default_dirs = (tmp_path / "no-debian-package",)
    with pytest.raises(DatasetUnavailable) as err:
        ds.splits()
    msg = str(err.value)
    assert "\n" not in msg and len(msg) < 700
    assert msg.startswith("Fashion-MNIST is not available")
    assert "no-debian-package" in msg and "tensorflow-datasets" in msg
    assert "data_dir=" in msg and "dataset-fashion-mnist" in msg
    assert err.value.__cause__ is None and err.value.__suppress_context__


def test_cifar10_reads_python_batches(tmp_path):
    """Rows of the python batches are planar (1024 red, 1024 green, 1024 blue values); images come
    out NHWC, / 255 and normalised per channel as μNAS did; binary is label < 5."""
    root = tmp_path / "cifar-10-batches-py"
    root.mkdir()
    planes = np.repeat(np.array([10, 128, 250], np.uint8), 1024)     # one value per channel
    for name in [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]:
        with open(root / name, "wb") as f:
            pickle.dump({b"data": np.tile(planes, (20, 1)),
                         b"labels": list(np.arange(20) % 10)}, f)
    ds = CIFAR10(data_dir=tmp_path)
    s = ds.splits()
    assert s.x_train.shape == (90, 32, 32, 3) and s.x_test.shape == (20, 32, 32, 3)
    expected = (np.array([10, 128, 250]) / 255 - np.array([0.4914, 0.4822, 0.4465])) \
        / np.array([0.2023, 0.1994, 0.2010])
    np.testing.assert_allclose(s.x_test.reshape(-1, 3), np.tile(expected, (20 * 1024, 1)),
                               rtol=1e-5)
    assert (ds.shift, ds.flip, ds.rotation_prob) == (4, True, 0.0)
    binary = CIFAR10(data_dir=tmp_path, binary=True)
    np.testing.assert_array_equal(binary.splits().y_test, (np.arange(20) % 10 < 5).astype(int))
    with pytest.raises(DatasetUnavailable, match="CIFAR-10"):
        CIFAR10(data_dir=tmp_path / "empty").splits()


def test_dummy_has_any_shape():
    ds = Dummy((5, 7, 3), num_classes=4, length=100)
    s = ds.splits()
    assert ds.input_shape == (5, 7, 3) and ds.num_classes == 4
    assert len(s.y_train) == 100 and s.x_train.shape[1:] == (5, 7, 3)
    assert 0.0 <= s.x_train.min() and s.x_train.max() <= 1.0
