"""Vectorised image augmentation: one projective-transform op per batch.

Shift, rotation and horizontal flip are composed into a single per-image affine map and applied with
``ImageProjectiveTransformV3`` over the whole batch, instead of per-image Python/tf.data work. Random
draws are stateless (seeded per batch), so a seed fixes every epoch's augmentation.
"""
from __future__ import annotations

import math

import tensorflow as tf


def augment_batch(images, seed, shift: int = 0, rotation_prob: float = 0.0,
                  max_rotation_deg: float = 15.0, flip: bool = False):
    """Randomly shift (integer pixels in [-shift, shift]), rotate (with probability ``rotation_prob``,
    uniform angle in +-``max_rotation_deg``) and, if ``flip``, mirror each image of a (B, H, W, C)
    float batch. Uncovered pixels are 0. ``seed`` is a shape-[2] integer tensor."""
    images = tf.convert_to_tensor(images)
    b = tf.shape(images)[0]
    h, w = images.shape[1], images.shape[2]
    seeds = tf.random.experimental.stateless_split(tf.cast(seed, tf.int64), num=5)

    zeros = tf.zeros([b], tf.float32)
    if shift > 0:
        dx = tf.cast(tf.random.stateless_uniform([b], seeds[0], -shift, shift + 1, tf.int32), tf.float32)
        dy = tf.cast(tf.random.stateless_uniform([b], seeds[1], -shift, shift + 1, tf.int32), tf.float32)
    else:
        dx = dy = zeros
    if rotation_prob > 0:
        limit = math.radians(max_rotation_deg)
        angle = tf.random.stateless_uniform([b], seeds[2], -limit, limit)
        rotate = tf.random.stateless_uniform([b], seeds[3]) < rotation_prob
        angle = tf.where(rotate, angle, zeros)
    else:
        angle = zeros
    if flip:
        mirrored = tf.random.stateless_uniform([b], seeds[4]) < 0.5
    else:
        mirrored = tf.zeros([b], tf.bool)

    # Output pixel p -> input pixel: undo the shift, rotate about the centre c, then mirror x.
    #   q = c + R(angle) (p - s - c);  x_in = (w - 1) - q_x when mirrored.
    cos, sin = tf.cos(angle), tf.sin(angle)
    cx, cy = (w - 1) / 2.0, (h - 1) / 2.0
    px, py = cx + dx, cy + dy                       # c + s
    a0, a1, a2 = cos, -sin, cx - (cos * px - sin * py)
    b0, b1, b2 = sin, cos, cy - (sin * px + cos * py)
    sign = tf.where(mirrored, -1.0, 1.0)
    a0, a1 = sign * a0, sign * a1
    a2 = sign * a2 + tf.where(mirrored, float(w - 1), 0.0)
    transforms = tf.stack([a0, a1, a2, b0, b1, b2, zeros, zeros], axis=1)
    return tf.raw_ops.ImageProjectiveTransformV3(
        images=images, transforms=transforms, output_shape=tf.constant([h, w], tf.int32),
        fill_value=tf.constant(0.0, images.dtype), interpolation="BILINEAR", fill_mode="CONSTANT")
