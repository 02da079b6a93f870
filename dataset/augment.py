"""Vectorised image augmentation as μNAS did it per image, done for a whole batch at once.

μNAS augmented each training image in this order: a random horizontal flip (probability 1/2), with
probability ``rotation_prob`` a rotation about the centre by an angle uniform in
``[-max_rotation, max_rotation]`` (tensorflow-addons' ``rotate``: nearest-neighbour sampling, zeros
outside), then a random shift: the image padded by ``shift`` pixels on each side with mirrored edges
(``tf.pad`` SYMMETRIC, the edge pixel repeated) and cropped back at a uniform offset, so each axis
moves by an integer in ``[-shift, shift]``.

Here the flip and the rotation are one projective transform per image (nearest, constant 0 fill)
and the shift a second one (nearest, REFLECT fill, which extends an image exactly as SYMMETRIC
padding does). Both run as one ``ImageProjectiveTransformV3`` op over the batch. Random draws are
stateless (seeded per batch), so a seed fixes every epoch's augmentation.
"""
from __future__ import annotations

import math

import tensorflow as tf


def _transform(images, transforms, fill_mode):
    h, w = images.shape[1], images.shape[2]
    return tf.raw_ops.ImageProjectiveTransformV3(
        images=images, transforms=transforms, output_shape=tf.constant([h, w], tf.int32),
        fill_value=tf.constant(0.0, images.dtype), interpolation="NEAREST", fill_mode=fill_mode)


def augment_batch(images, seed, shift: int = 0, rotation_prob: float = 0.0,
                  max_rotation_deg: float = 15.0, flip: bool = False):
    """Augment a (B, H, W, C) float batch as described in the module docstring: flip (if ``flip``),
    rotate (with probability ``rotation_prob``, angle uniform in +-``max_rotation_deg``), shift by
    up to ``shift`` pixels with mirrored edges. ``seed`` is a shape-[2] integer tensor."""
    images = tf.convert_to_tensor(images)
    b = tf.shape(images)[0]
    h, w = images.shape[1], images.shape[2]
    seeds = tf.random.experimental.stateless_split(tf.cast(seed, tf.int64), num=5)
    zeros = tf.zeros([b], tf.float32)
    ones = tf.ones([b], tf.float32)

    if flip or rotation_prob > 0:
        if rotation_prob > 0:
            limit = math.radians(max_rotation_deg)
            angle = tf.random.stateless_uniform([b], seeds[2], -limit, limit)
            rotate = tf.random.stateless_uniform([b], seeds[3]) < rotation_prob
            angle = tf.where(rotate, angle, zeros)
        else:
            angle = zeros
        mirrored = (tf.random.stateless_uniform([b], seeds[4]) < 0.5) if flip \
            else tf.zeros([b], tf.bool)
        # Output pixel p reads the flipped image at c + R(angle) (p - c) (c: the image centre);
        # the flipped image at x reads the original at (w - 1) - x.
        cos, sin = tf.cos(angle), tf.sin(angle)
        cx, cy = (w - 1) / 2.0, (h - 1) / 2.0
        a0, a1, a2 = cos, -sin, cx - cos * cx + sin * cy
        b0, b1, b2 = sin, cos, cy - sin * cx - cos * cy
        sign = tf.where(mirrored, -1.0, 1.0)
        a0, a1 = sign * a0, sign * a1
        a2 = sign * a2 + tf.where(mirrored, float(w - 1), 0.0)
        transforms = tf.stack([a0, a1, a2, b0, b1, b2, zeros, zeros], axis=1)
        images = _transform(images, transforms, "CONSTANT")

    if shift > 0:
        dx = tf.cast(tf.random.stateless_uniform([b], seeds[0], -shift, shift + 1, tf.int32),
                     tf.float32)
        dy = tf.cast(tf.random.stateless_uniform([b], seeds[1], -shift, shift + 1, tf.int32),
                     tf.float32)
        transforms = tf.stack([ones, zeros, dx, zeros, ones, dy, zeros, zeros], axis=1)
        images = _transform(images, transforms, "REFLECT")
    return images
