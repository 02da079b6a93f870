"""Random translation with mirrored borders, batched: the μNAS augmentation of Chars74K and VWW.

The original pads each image symmetrically (edge pixels repeated) and takes a random crop of the
original size; that is a shift by a whole number of pixels in [-pad, pad] per axis with the border
filled by reflection. Here one ``ImageProjectiveTransformV3`` does it for a whole batch
(``REFLECT`` fill is that same symmetric extension; integer shifts need no interpolation).
"""
from __future__ import annotations

import tensorflow as tf


def random_reflect_shift(images, seed, max_dy: int, max_dx: int, flip: bool = False):
    """Shift each image of a (B, H, W, C) batch by integers dy in [-max_dy, max_dy] (rows) and
    dx in [-max_dx, max_dx] (columns), drawn uniformly with the stateless ``seed`` (shape [2]);
    with ``flip``, first mirror each image left-right with probability 1/2."""
    images = tf.convert_to_tensor(images)
    b = tf.shape(images)[0]
    h, w = images.shape[1], images.shape[2]
    seeds = tf.random.experimental.stateless_split(tf.cast(seed, tf.int64), num=3)
    dy = tf.random.stateless_uniform([b], seeds[0], -max_dy, max_dy + 1, tf.int32)
    dx = tf.random.stateless_uniform([b], seeds[1], -max_dx, max_dx + 1, tf.int32)
    dy, dx = tf.cast(dy, tf.float32), tf.cast(dx, tf.float32)
    ones, zeros = tf.ones([b], tf.float32), tf.zeros([b], tf.float32)
    if flip:
        mirrored = tf.random.stateless_uniform([b], seeds[2]) < 0.5
        sign = tf.where(mirrored, -1.0, 1.0)
        offset = tf.where(mirrored, float(w - 1), 0.0)
    else:
        sign, offset = ones, zeros
    # Output pixel (x, y) reads input (sign * (x - dx) + offset, y - dy).
    transforms = tf.stack([sign, zeros, offset - sign * dx, zeros, ones, -dy, zeros, zeros], axis=1)
    return tf.raw_ops.ImageProjectiveTransformV3(
        images=images, transforms=transforms, output_shape=tf.constant([h, w], tf.int32),
        fill_value=tf.constant(0.0, images.dtype), interpolation="NEAREST", fill_mode="REFLECT")


def with_batch_augmentation(batches, seed: int, augment):
    """``batches`` (tuples whose first item is x) with ``augment(x, stateless_seed)`` applied to x;
    a fresh seed per batch and per epoch, fixed by ``seed``."""
    rnd = tf.data.Dataset.random(seed=seed, rerandomize_each_iteration=True)

    def apply(batch, r):
        x = augment(batch[0], tf.stack([r, tf.constant(seed, tf.int64)]))
        return (x,) + tuple(batch[1:])

    return tf.data.Dataset.zip((batches, rnd)).map(apply, num_parallel_calls=tf.data.AUTOTUNE)
