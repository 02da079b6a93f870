"""Training and scoring one candidate model: ``ModelTrainer(config, seed).train_and_eval(model)``.

The candidate (a Keras model that outputs logits: one for two classes, else one per class) is
wrapped in a ``CandidateModel``, a ``keras.Model`` subclass sharing its layers, whose
``compute_loss`` adds the distillation term and whose ``train_step`` applies Dynamic Model Pruning
with Feedback (``pruning.py``). Both are plain Keras 3 overrides, so distillation and pruning work
alone or together. A candidate that diverges or raises is reported as a failed ``TrainingResult``;
``train_and_eval`` never raises for it.
"""
from __future__ import annotations

import contextlib
import logging
import math
import os
import random
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import keras
import numpy as np
import tensorflow as tf

from config import ConfigError
from pruning import DPFPruner, make_schedule_callback

log = logging.getLogger(__name__)


@dataclass
class TrainingResult:
    """What training one candidate gave. ``ok`` is False when it failed; ``error`` says why.

    ``val_error`` is 1 - the best validation accuracy (when pruning, only of the epochs after the
    last pruning epoch, as μNAS scored them); ``test_error`` is the final model's; ``pruned_weights`` maps each
    pruned layer's name to its masked kernel (when pruning); ``history`` holds the per-epoch logs."""
    ok: bool
    val_error: Optional[float] = None
    test_error: Optional[float] = None
    pruned_weights: Optional[Dict[str, np.ndarray]] = field(default=None, repr=False)
    error: Optional[str] = None
    train_seconds: float = 0.0
    epochs_run: int = 0
    history: Dict[str, List[float]] = field(default_factory=dict, repr=False)


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_KERAS_CALL_NOISE = re.compile(r"Exception encountered when calling [\w.]+\(\)\.\s*"
                               r"|\s*Arguments received by [\w.]+\(\):.*$", re.S)


def one_line(text, limit: int = 300) -> str:
    """``text`` on one line, at most ``limit`` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def describe_failure(e: BaseException, limit: int = 300) -> str:
    """``"Type: message"`` on one line: no terminal colours, no Keras call boilerplate."""
    message = _KERAS_CALL_NOISE.sub(" ", _ANSI.sub("", str(e)))
    return one_line(f"{type(e).__name__}: {message.strip()}", limit)


# --- TensorFlow's gradient registry ----------------------------------------------------------
@contextlib.contextmanager
def custom_gradients_released():
    """Remove from TensorFlow's global gradient registry the entries registered while the block
    runs by ``tf.custom_gradient`` in graph mode (named ``CustomGradient-<n>``).

    TensorFlow registers such an entry each time a traced function calls a ``tf.custom_gradient``
    function, and never removes it. Keras's optimizer makes one such call in every traced training
    step (its all-reduce of the gradients goes through the replica context's ``all_reduce``, a
    custom gradient), and the entry's closure holds that step's tensors and so its whole FuncGraph.
    Every candidate a worker trained therefore stayed in memory, graph and all: about 7.5 MiB per
    Digits candidate, which neither ``clear_session`` nor ``malloc_trim`` freed (issue #12;
    TensorFlow issues #27492 and #97697). Once training is over nothing differentiates through that
    graph again, so its entries can go. Only names added during the block are removed, so this
    assumes no other thread of the process traces a training step meanwhile (a worker trains one
    candidate at a time). A no-op where TensorFlow keeps its registry elsewhere."""
    from tensorflow.python.framework import ops as tf_ops
    registry = getattr(getattr(tf_ops, "_gradient_registry", None), "_registry", None)
    before = set(registry) if isinstance(registry, dict) else None
    try:
        yield
    finally:
        if before is not None:
            for name in [n for n in list(registry) if n not in before
                         and isinstance(n, str) and n.startswith("CustomGradient-")]:
                registry.pop(name, None)


# --- the teacher -------------------------------------------------------------------------------
_TEACHERS: dict = {}      # (path, mtime) -> loaded teacher; one entry, reused across candidates


def load_teacher(distillation, input_shape, num_classes: int):
    """The frozen teacher model of a ``DistillationConfig``, checked against the dataset.

    Raises ``ConfigError`` naming ``DistillationConfig.distill_from`` when the file is missing,
    cannot be loaded, or does not fit the data (input shape, number of logits)."""
    path = Path(os.path.expanduser(str(distillation.distill_from))).resolve()
    field_name = "DistillationConfig.distill_from"
    if not path.is_file():
        raise ConfigError(f"{field_name}: no such file {str(path)!r}; train a teacher with "
                          f"`python -m teachers.train DATASET --out {path}`")
    key = (str(path), path.stat().st_mtime_ns)
    teacher = _TEACHERS.get(key)
    if teacher is None:
        try:
            teacher = keras.models.load_model(str(path), compile=False)
        except Exception as e:  # noqa: BLE001 - whatever the reason, it is this file's fault
            raise ConfigError(f"{field_name}: cannot load {str(path)!r} as a Keras model "
                              f"({type(e).__name__}: {one_line(e, 200)})") from None
        teacher.trainable = False
        _TEACHERS.clear()
        _TEACHERS[key] = teacher
    t_in = tuple(teacher.input_shape[1:])
    if t_in != tuple(input_shape):
        raise ConfigError(f"{field_name}: the teacher {path.name} takes inputs of shape {t_in}, "
                          f"the dataset gives {tuple(input_shape)}")
    units = teacher.output_shape[-1]
    allowed = (1, 2) if num_classes == 2 else (num_classes,)
    if units not in allowed:
        raise ConfigError(f"{field_name}: the teacher {path.name} outputs {units} logits, the "
                          f"dataset has {num_classes} classes")
    return teacher


def _two_class_logits(logits):
    """A single binary logit z as the equivalent pair of logits [0, z]; others unchanged."""
    ops = keras.ops
    if logits.shape[-1] == 1:
        return ops.concatenate([ops.zeros_like(logits), logits], axis=-1)
    return logits


def distillation_kl(teacher_logits, student_logits, temperature: float, sample_weight=None):
    """Mean over the batch of KL(softmax(teacher / T) || softmax(student / T)) (no T^2 factor)."""
    ops = keras.ops
    t = _two_class_logits(ops.cast(teacher_logits, "float32")) / temperature
    s = _two_class_logits(ops.cast(student_logits, "float32")) / temperature
    log_p_t, log_p_s = ops.log_softmax(t, axis=-1), ops.log_softmax(s, axis=-1)
    kl = ops.sum(ops.exp(log_p_t) * (log_p_t - log_p_s), axis=-1)
    if sample_weight is not None:                    # same reduction as the compiled loss
        kl = kl * ops.cast(ops.reshape(sample_weight, ops.shape(kl)), kl.dtype)
    return ops.mean(kl)


# --- the model that trains -----------------------------------------------------------------------
class CandidateModel(keras.Model):
    """Trains ``net`` (sharing its layers and weights): distillation in ``compute_loss``, DPF
    pruning around the optimizer update in ``train_step`` (TensorFlow backend)."""

    def __init__(self, net, teacher=None, alpha: float = 0.0, temperature: float = 1.0,
                 pruner=None):
        super().__init__(name=f"{net.name}_training")
        self.net = net
        self.teacher = teacher
        self.alpha = float(alpha)
        self.temperature = float(temperature)
        self.pruner = pruner

    def call(self, inputs, training=False):
        return self.net(inputs, training=training)

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        """Label loss (as compiled) + alpha * T^2 * KL(teacher || student) while training.
        Evaluation (``training=False``) reports the label loss only and skips the teacher."""
        loss = super().compute_loss(x=x, y=y, y_pred=y_pred, sample_weight=sample_weight,
                                    training=training)
        if self.teacher is not None and training and self.alpha > 0:
            teacher_logits = self.teacher(x, training=False)
            kl = distillation_kl(teacher_logits, y_pred, self.temperature, sample_weight)
            loss = loss + (self.alpha * self.temperature ** 2) * kl
        return loss

    def train_step(self, data):
        if self.pruner is None:
            return super().train_step(data)
        x, y, sample_weight = keras.utils.unpack_x_y_sample_weight(data)
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compute_loss(x=x, y=y, y_pred=y_pred, sample_weight=sample_weight,
                                     training=True)
            scaled_loss = self.optimizer.scale_loss(loss)
        variables = self.trainable_variables
        gradients = tape.gradient(scaled_loss, variables)    # taken at the masked weights
        self.pruner.load_dense()                             # ... applied to the dense ones
        self.optimizer.apply(gradients, variables)
        self.pruner.store_dense_and_mask()
        for metric in self.metrics:
            if metric.name == "loss":
                metric.update_state(loss, sample_weight=tf.shape(x)[0])
        return self.compute_metrics(x, y, y_pred, sample_weight=sample_weight)


class FailureWatch(keras.callbacks.Callback):
    """Stops training at the end of an epoch whose training loss is not finite."""

    def __init__(self):
        super().__init__()
        self.reason = None
        self.epochs_done = 0

    def on_epoch_end(self, epoch, logs=None):
        self.epochs_done = epoch + 1
        loss = (logs or {}).get("loss")
        if loss is not None and not math.isfinite(float(loss)):
            self.reason = f"training loss became {float(loss)} in epoch {epoch + 1}"
            self.model.stop_training = True


def reinitialize(model, seed: int) -> bool:
    """Give ``model`` the fresh weights (and dropout seeds) a clone built after seeding draws, so
    the initial weights depend on ``seed`` only, not on what ran before. False if it cannot."""
    keras.utils.set_random_seed(seed)
    try:
        fresh = keras.models.clone_model(model)
    except Exception as e:  # noqa: BLE001 - a model that cannot be cloned keeps its weights
        log.debug("cannot re-initialise %s (%s); keeping its weights", model.name, e)
        return False
    if len(fresh.variables) != len(model.variables):
        return False
    for v, f in zip(model.variables, fresh.variables):
        v.assign(f.value)
    return True


def pruning_window(pruning, epochs: int):
    """``(start, finish)`` epochs of the DPF schedule for a run of ``epochs`` epochs: the config's,
    with ``finish`` at most ``epochs - 1`` (None: ``epochs - 1``) so that at least the last epoch is
    scored, and ``start`` at most ``finish`` (μNAS itself fails on those cases)."""
    finish = pruning.finish_pruning_by_epoch
    finish = epochs - 1 if finish is None else min(finish, epochs - 1)
    finish = max(finish, 1)
    return min(pruning.start_pruning_at_epoch, finish), finish


# --- the trainer -------------------------------------------------------------------------------
class ModelTrainer:
    """Trains candidates as ``training_config`` says; ``seed`` fixes weight initialisation,
    shuffling, augmentation and dropout (as far as TensorFlow on CPU is deterministic).

    ``reinitialize``: re-draw the model's initial weights from ``seed`` (default), so a candidate
    trains the same whatever ran before it in the process. ``verbose`` is passed to ``fit``."""

    def __init__(self, training_config, seed: int = 0, *, reinitialize: bool = True,
                 verbose: int = 0):
        self.config = training_config
        self.dataset = training_config.dataset
        self.seed = int(seed)
        self.reinitialize = reinitialize
        self.verbose = verbose
        self.teacher = None
        if training_config.distillation is not None:
            self.teacher = load_teacher(training_config.distillation, self.dataset.input_shape,
                                        self.dataset.num_classes)

    # -- public ---------------------------------------------------------------------------------
    def train_and_eval(self, model, epochs: Optional[int] = None,
                       sparsity: Optional[float] = None,
                       initial_epoch: int = 0) -> TrainingResult:
        """Train ``model`` (left with its trained, masked weights) and score it. Never raises for
        a candidate that cannot be trained: the result has ``ok=False`` and the reason.

        ``initial_epoch`` > 0 continues a model that was already trained that many epochs (its
        weights are kept, not re-drawn): ``fit`` runs epochs ``initial_epoch .. epochs - 1``, and
        the validation error is the best of those. Not with pruning (see the evaluator)."""
        epochs = int(epochs or self.config.epochs)
        initial_epoch = int(initial_epoch)
        if not 0 <= initial_epoch < epochs:
            raise ValueError(f"train_and_eval: initial_epoch must be in [0, {epochs}), got "
                             f"{initial_epoch}")
        if initial_epoch and sparsity:
            raise ValueError("train_and_eval: a pruned candidate cannot continue training "
                             "(DPF's schedule spans the whole training)")
        pruning = self.config.pruning
        if sparsity is not None and sparsity > 0 and pruning is None:
            raise ValueError("train_and_eval: a sparsity was given but training_config.pruning "
                             "is None")
        if sparsity is not None and not 0.0 <= sparsity < 1.0:
            raise ValueError(f"train_and_eval: sparsity must be in [0, 1), got {sparsity!r}")
        rng_state = (random.getstate(), np.random.get_state())
        start = time.perf_counter()
        state = {}
        try:
            with custom_gradients_released():    # else TensorFlow keeps the traced graphs
                result = self._train_and_eval(model, epochs, sparsity if pruning else None, state,
                                              initial_epoch)
        except Exception as e:  # noqa: BLE001 - a broken candidate is a result, never fatal
            reason = describe_failure(e)
            log.info("candidate %s failed: %s", getattr(model, "name", "?"), reason)
            watch = state.get("watch")
            result = TrainingResult(ok=False, error=reason,
                                    epochs_run=watch.epochs_done if watch else 0)
        finally:
            random.setstate(rng_state[0])
            np.random.set_state(rng_state[1])
            if state.get("pruner") is not None:
                state["pruner"].release()
        result.train_seconds = time.perf_counter() - start
        return result

    # -- internals ----------------------------------------------------------------------------
    def _train_and_eval(self, model, epochs, sparsity, state, initial_epoch=0) -> TrainingResult:
        if self.reinitialize and not initial_epoch:
            reinitialize(model, self.seed)
        else:
            keras.utils.set_random_seed(self.seed)
        cfg = self.config
        binary = self._check_output(model)

        pruner, first_scored_epoch = None, 0
        callbacks = list(cfg.callbacks())
        if sparsity:
            p = cfg.pruning
            begin, finish = pruning_window(p, epochs)
            pruner = state["pruner"] = DPFPruner(model, sparsity, structured=p.structured,
                                                 prune_biases=p.prune_biases)
            callbacks.append(make_schedule_callback(pruner, begin, finish,
                                                    keep_dense_weights=p.keep_dense_weights))
            # As μNAS: validation counts from 0-based epoch ``finish``, the first with frozen masks.
            first_scored_epoch = finish
            log.info("pruning %s to sparsity %.4f (%s) over epochs %d..%d", model.name, sparsity,
                     "structured" if p.structured else "unstructured", begin, finish)
        watch = state["watch"] = FailureWatch()
        callbacks.append(watch)

        distill = cfg.distillation
        net = CandidateModel(model, teacher=self.teacher,
                             alpha=distill.alpha if distill else 0.0,
                             temperature=distill.temperature if distill else 1.0, pruner=pruner)
        if binary:
            loss = keras.losses.BinaryCrossentropy(from_logits=True)
            accuracy = keras.metrics.BinaryAccuracy(threshold=0.0, name="accuracy")
        else:
            loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
            accuracy = keras.metrics.SparseCategoricalAccuracy(name="accuracy")
        net.compile(optimizer=cfg.optimizer(), loss=loss, metrics=[accuracy])
        # Create the optimizer's slots now, eagerly: left to the first traced training step, each
        # slot gets a tf.function initializer whose graphs TensorFlow never frees (issue #12).
        net.optimizer.build(net.trainable_variables)

        train, val, test = self._pipelines()
        history = net.fit(train, epochs=epochs, initial_epoch=initial_epoch, validation_data=val,
                          callbacks=callbacks, shuffle=False, verbose=self.verbose).history
        history = {k: [float(v) for v in vals] for k, vals in history.items()}
        epochs_run = len(history.get("loss", []))
        if watch.reason:
            return TrainingResult(ok=False, error=watch.reason, epochs_run=epochs_run,
                                  history=history)
        scored = history.get("val_accuracy", [])[first_scored_epoch:]
        if not scored:
            return TrainingResult(ok=False, epochs_run=epochs_run, history=history,
                                  error=f"training stopped after {epochs_run} epochs, before the "
                                        f"first epoch scored after pruning (epoch "
                                        f"{first_scored_epoch + 1})")
        test_accuracy = net.evaluate(test, verbose=0, return_dict=True)["accuracy"]
        return TrainingResult(
            ok=True, val_error=1.0 - max(scored), test_error=1.0 - float(test_accuracy),
            pruned_weights=pruner.pruned_weights() if pruner else None,
            epochs_run=epochs_run, history=history)

    def _check_output(self, model) -> bool:
        """True for a binary model (one logit); checks the logits fit the dataset."""
        units = model.output_shape[-1]
        classes = self.dataset.num_classes
        expected = 1 if classes == 2 else classes
        if units != expected:
            raise ValueError(f"the model outputs {units} logits; {self.dataset!r} with {classes} "
                             f"classes needs {expected}")
        return classes == 2

    def _class_weight(self):
        return self.dataset.class_weight() if self.config.use_class_weight else None

    def _pipelines(self):
        """Training, validation and test batches: the dataset's fast batched pipelines when it has
        them, otherwise its unbatched tf.data views shuffled, batched and prefetched here."""
        ds, bs = self.dataset, self.config.batch_size
        if hasattr(ds, "train_batches") and hasattr(ds, "eval_batches"):
            return (ds.train_batches(bs, seed=self.seed, class_weight=self._class_weight()),
                    ds.eval_batches("validation", bs), ds.eval_batches("test", bs))
        train = ds.train_dataset().cache().shuffle(8 * bs, seed=self.seed)
        cw = self._class_weight()
        if cw is not None:
            table = tf.constant([cw.get(c, 1.0) for c in range(ds.num_classes)], tf.float32)
            train = train.map(lambda x, y: (x, y, tf.gather(table, tf.cast(y, tf.int32))))
        auto = tf.data.AUTOTUNE
        return (train.batch(bs).prefetch(auto),
                ds.validation_dataset().batch(bs).cache().prefetch(auto),
                ds.test_dataset().batch(bs).cache().prefetch(auto))
