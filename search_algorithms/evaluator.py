"""Trains and scores one candidate inside a worker: the only part of the search that uses Keras.

Each candidate is built in a clean Keras session (``clear_session`` + ``gc.collect``), and the trainer
drops the gradient-registry entries through which TensorFlow would keep each candidate's traced
training graph (``model_trainer.custom_gradients_released``), so a worker's memory stays flat over
thousands of candidates. TensorFlow is imported when the evaluator is built
in its worker, never when this module is imported.
"""
from __future__ import annotations

import dataclasses
import gc
import logging
import os
import tempfile
import time
from typing import Optional, Tuple

from search_algorithms.points import Point

log = logging.getLogger("uNAS.search")


class CandidateEvaluator:
    """``evaluate(point) -> (point, weights)``: train, measure resources, return the scored point
    and the trained model's ``.weights.h5`` file as bytes (``None`` when it failed).

    ``seed`` makes training reproducible: candidate ``i`` is trained with seed ``seed * 100_003 + i``,
    so a retried or resumed candidate trains exactly as it would have the first time.
    ``threads`` caps TensorFlow's thread pools (one worker per core trains small CNNs fastest).
    ``trainer_factory(training_config, seed)`` makes the trainer (default: ``ModelTrainer``).
    ``sparse_size``: whether a pruned candidate's model size counts only its non-zero weights
    (default, μNAS's aging evolution: for unstructured pruning only; its BO: whenever pruning).
    ``target``: ``TargetConfig.as_dict()`` of the device whose predicted footprint each scored
    point records (``Point.target_features``; None: not recorded). When the figures cannot be
    predicted, the candidate fails if ``target_bounded`` (a bound needs them), else it is scored
    without them (a warning), so a search without target bounds is never changed by them.

    A promotion of successive halving (``point.init_weights`` set) continues training: the model
    is built, given those weights and trained from epoch ``point.start_epoch`` to ``point.epochs``
    (``fit``'s ``initial_epoch``, so epoch-indexed callbacks such as a learning-rate schedule see
    the true epoch numbers). The optimizer starts afresh (its moments are not in the weights file).
    With a pruning config the candidate is trained again from scratch instead: DPF's schedule
    spans the whole training and its masks are not in the weights file.
    """

    def __init__(self, search_space, training_config, *, seed: int = 0,
                 threads: Optional[int] = None, keep_weights: bool = True,
                 trainer_factory=None, sparse_size: Optional[bool] = None,
                 target: Optional[dict] = None, target_bounded: bool = False):
        self.space = search_space
        self.target = None if target is None else dict(target)
        self.target_bounded = bool(target_bounded)
        self.training_config = training_config
        self.seed = seed
        self.keep_weights = keep_weights
        self.trainer_factory = trainer_factory
        pruning = training_config.pruning
        if sparse_size is None:
            sparse_size = pruning is not None and not pruning.structured
        self.sparse_size = pruning is not None and sparse_size
        import tensorflow as tf
        try:
            if threads:
                tf.config.threading.set_intra_op_parallelism_threads(int(threads))
                tf.config.threading.set_inter_op_parallelism_threads(int(threads))
            # Workers may share a GPU: take its memory as needed, not all of it up front.
            for gpu in tf.config.list_physical_devices("GPU"):
                tf.config.experimental.set_memory_growth(gpu, True)
        except RuntimeError:  # TF already initialised in this process: keep its settings
            pass

    def _trainer(self, seed: int):
        if self.trainer_factory is not None:
            return self.trainer_factory(self.training_config, seed)
        from model_trainer import ModelTrainer
        return ModelTrainer(self.training_config, seed=seed)

    def evaluate(self, point: Point) -> Tuple[Point, Optional[bytes]]:
        import keras

        from resource_models.models import macs, model_size, peak_memory_usage

        keras.backend.clear_session()
        gc.collect()
        start = time.time()
        try:
            model = self.space.to_keras_model(point.arch)
            trainer = self._trainer(self.seed * 100_003 + point.id)
            kwargs = {} if point.epochs is None else {"epochs": point.epochs}
            if point.init_weights is not None and point.start_epoch \
                    and self.training_config.pruning is None:
                _load_weights_bytes(model, point.init_weights)
                kwargs["initial_epoch"] = int(point.start_epoch)
            point = dataclasses.replace(point, init_weights=None)  # not sent back
            result = trainer.train_and_eval(model, sparsity=point.sparsity, **kwargs)
            if not result.ok:
                return point.failed(result.error or "training failed",
                                    train_seconds=result.train_seconds,
                                    finished_at=time.time()), None
            graph = self.space.to_resource_graph(point.arch, pruned_weights=result.pruned_weights)
            features = {"peak_memory_usage": peak_memory_usage(graph),
                        "model_size": model_size(graph, sparse=self.sparse_size),
                        "macs": macs(graph)}
            target_features = self._target_features(graph, point)
            weights = _weights_bytes(model) if self.keep_weights else None
            return point.completed(val_error=result.val_error, test_error=result.test_error,
                                   resource_features=features, train_seconds=result.train_seconds,
                                   epochs_run=result.epochs_run, finished_at=time.time(),
                                   target_features=target_features), weights
        except Exception as e:  # noqa: BLE001 - a broken candidate is recorded, never fatal
            return point.failed(f"{type(e).__name__}: {e}", train_seconds=time.time() - start,
                                finished_at=time.time()), None
        finally:
            keras.backend.clear_session()
            gc.collect()


    def _target_features(self, graph, point: Point) -> Optional[dict]:
        """The target's predicted figures of the trained candidate's graph (see the class)."""
        if self.target is None:
            return None
        from resource_models.target_figures import target_figures
        try:
            return target_figures(graph, **self.target)
        except Exception as e:  # noqa: BLE001 - only a target bound makes these figures matter
            if self.target_bounded:
                raise
            log.warning("Candidate %d: no %s figures (%s: %s)", point.id, self.target["target"],
                        type(e).__name__, e)
            return None


def _load_weights_bytes(model, data: bytes) -> None:
    """Give ``model`` the weights of a ``.weights.h5`` file held as bytes."""
    with tempfile.TemporaryDirectory(prefix="unas-weights-") as tmp:
        path = os.path.join(tmp, "model.weights.h5")
        with open(path, "wb") as f:
            f.write(data)
        model.load_weights(path)


def _weights_bytes(model) -> Optional[bytes]:
    """The model's ``.weights.h5`` file as bytes; ``None`` (the candidate still counts) if Keras
    cannot save them."""
    try:
        with tempfile.TemporaryDirectory(prefix="unas-weights-") as tmp:
            path = os.path.join(tmp, "model.weights.h5")
            model.save_weights(path)
            with open(path, "rb") as f:
                return f.read()
    except Exception:  # noqa: BLE001 - losing the weights file must not lose the candidate
        return None
