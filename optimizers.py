"""SGDW and AdamW for Keras 3 with tensorflow-addons' decoupled weight decay.

The original μNAS configs use ``tfa.optimizers.SGDW``/``AdamW``; tensorflow-addons is dead and does
not load on Keras 3. Keras' own ``weight_decay=`` argument is not a substitute: Keras shrinks each
variable by ``learning_rate * weight_decay`` per step, tensorflow-addons by ``weight_decay`` alone
(Loshchilov & Hutter's decoupled decay as tfa implemented it). A constant translation
``wd / lr`` therefore drifts as soon as a schedule or a callback changes the learning rate.

Semantics kept from tensorflow-addons:
- the constructor signatures (``weight_decay`` first; ``learning_rate=0.001`` by default; the legacy
  ``lr=`` alias and the legacy ``decay=`` inverse-time learning-rate decay of tf.keras optimisers);
- each step first shrinks every optimised (trainable) variable, biases and batch-norm scales
  included, by ``var -= weight_decay * var`` and then applies the base update with the gradient
  taken at the pre-decay weights;
- ``weight_decay`` may be a number or a ``LearningRateSchedule`` evaluated at the step count; it is
  never multiplied by the learning rate;
- ``exclude_from_weight_decay``: regular expressions searched in a variable's path.
"""
from __future__ import annotations

import re

import keras
from keras import ops
from keras.optimizers.schedules import LearningRateSchedule


class _DecoupledWeightDecay:
    """Mixin placed before a Keras optimiser: decoupled decay instead of Keras' lr-scaled one."""

    @classmethod
    def _parse_decoupled(cls, weight_decay, learning_rate, kwargs):
        """Pop the tensorflow-addons/legacy keywords from ``kwargs`` (before Keras sees them)."""
        if weight_decay is None:
            raise TypeError(f"{cls.__name__}: weight_decay is required")
        legacy_lr = kwargs.pop("lr", None)
        if legacy_lr is not None:
            learning_rate = legacy_lr
        legacy_decay = float(kwargs.pop("decay", 0.0) or 0.0)
        if legacy_decay < 0:
            raise ValueError(f"{cls.__name__}: decay must be >= 0, got {legacy_decay}")
        excluded = list(kwargs.pop("exclude_from_weight_decay", None) or [])
        kwargs.pop("weight_decay", None)
        if isinstance(weight_decay, dict):  # a serialised schedule, from get_config
            weight_decay = keras.optimizers.schedules.deserialize(weight_decay)
        return learning_rate, (weight_decay, legacy_decay, excluded)

    def _set_decoupled(self, parsed):
        # Keras' own weight_decay stays None: _apply_weight_decay below does the decoupled decay.
        self._decoupled_weight_decay, self._legacy_decay, self._decay_exclusions = parsed
        self._decay_exclusion_patterns = [re.compile(p) for p in self._decay_exclusions]

    def _current_weight_decay(self, dtype):
        wd = self._decoupled_weight_decay
        if isinstance(wd, LearningRateSchedule):
            wd = wd(self.iterations)
        elif callable(wd):
            wd = wd()
        return ops.cast(wd, dtype)

    def _is_decayed(self, variable) -> bool:
        path = getattr(variable, "path", variable.name)
        return not any(p.search(path) for p in self._decay_exclusion_patterns)

    def _apply_weight_decay(self, variables):
        # Called by Keras right before the update step, with the variables that have gradients.
        for variable in variables:
            if self._is_decayed(variable):
                variable.assign(variable - variable * self._current_weight_decay(variable.dtype))

    def update_step(self, gradient, variable, learning_rate):
        if self._legacy_decay:
            steps = ops.cast(self.iterations, variable.dtype)
            learning_rate = ops.cast(learning_rate, variable.dtype) / (1.0 + self._legacy_decay * steps)
        return super().update_step(gradient, variable, learning_rate)

    def _decoupled_config(self, config):
        wd = self._decoupled_weight_decay
        config["weight_decay"] = (keras.optimizers.schedules.serialize(wd)
                                  if isinstance(wd, LearningRateSchedule) else wd)
        config["decay"] = self._legacy_decay
        config["exclude_from_weight_decay"] = list(self._decay_exclusions) or None
        return config


@keras.saving.register_keras_serializable(package="uNAS")
class SGDW(_DecoupledWeightDecay, keras.optimizers.SGD):
    """SGD (with optional momentum/Nesterov) and tensorflow-addons' decoupled weight decay."""

    def __init__(self, weight_decay=None, learning_rate=0.001, momentum=0.0, nesterov=False,
                 name="SGDW", **kwargs):
        learning_rate, parsed = self._parse_decoupled(weight_decay, learning_rate, kwargs)
        super().__init__(learning_rate=learning_rate, momentum=momentum, nesterov=nesterov,
                         name=name, **kwargs)
        self._set_decoupled(parsed)

    def get_config(self):
        return self._decoupled_config(super().get_config())


@keras.saving.register_keras_serializable(package="uNAS")
class AdamW(_DecoupledWeightDecay, keras.optimizers.Adam):
    """Adam (optionally AMSGrad) and tensorflow-addons' decoupled weight decay.

    Not Keras' ``keras.optimizers.AdamW``, whose decay is scaled by the learning rate."""

    def __init__(self, weight_decay=None, learning_rate=0.001, beta_1=0.9, beta_2=0.999,
                 epsilon=1e-7, amsgrad=False, name="AdamW", **kwargs):
        learning_rate, parsed = self._parse_decoupled(weight_decay, learning_rate, kwargs)
        super().__init__(learning_rate=learning_rate, beta_1=beta_1, beta_2=beta_2,
                         epsilon=epsilon, amsgrad=amsgrad, name=name, **kwargs)
        self._set_decoupled(parsed)

    def get_config(self):
        return self._decoupled_config(super().get_config())


__all__ = ["SGDW", "AdamW"]
