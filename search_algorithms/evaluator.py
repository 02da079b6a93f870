"""Trains and scores one candidate inside a worker: the only part of the search that uses Keras.

Each candidate is built in a clean Keras session (``clear_session`` + ``gc.collect``), so a worker's
memory stays flat over thousands of candidates. TensorFlow is imported when the evaluator is built
in its worker, never when this module is imported.
"""
from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import Optional

from search_algorithms.points import Point


class CandidateEvaluator:
    """``evaluate(point) -> point``: train, measure resources, save weights to the pending file.

    ``seed`` makes training reproducible: candidate ``i`` is trained with seed ``seed * 100_003 + i``,
    so a retried or resumed candidate trains exactly as it would have the first time.
    ``threads`` caps TensorFlow's thread pools (one worker per core trains small CNNs fastest).
    """

    def __init__(self, search_space, training_config, *, seed: int = 0,
                 weights_dir: Optional[str] = None, threads: Optional[int] = None):
        self.space = search_space
        self.training_config = training_config
        self.seed = seed
        self.weights_dir = None if weights_dir is None else Path(weights_dir)
        pruning = training_config.pruning
        self.sparse_size = pruning is not None and not pruning.structured
        if threads:
            import tensorflow as tf
            try:
                tf.config.threading.set_intra_op_parallelism_threads(int(threads))
                tf.config.threading.set_inter_op_parallelism_threads(int(threads))
            except RuntimeError:  # TF already initialised in this process: keep its pools
                pass

    def evaluate(self, point: Point) -> Point:
        import keras

        from model_trainer import ModelTrainer
        from resource_models.models import macs, model_size, peak_memory_usage

        keras.backend.clear_session()
        gc.collect()
        start = time.time()
        try:
            model = self.space.to_keras_model(point.arch)
            trainer = ModelTrainer(self.training_config, seed=self.seed * 100_003 + point.id)
            result = trainer.train_and_eval(model, sparsity=point.sparsity)
            if not result.ok:
                return point.failed(result.error or "training failed",
                                    train_seconds=result.train_seconds, finished_at=time.time())
            graph = self.space.to_resource_graph(point.arch, pruned_weights=result.pruned_weights)
            features = {"peak_memory_usage": peak_memory_usage(graph),
                        "model_size": model_size(graph, sparse=self.sparse_size),
                        "macs": macs(graph)}
            if self.weights_dir is not None:
                self.weights_dir.mkdir(parents=True, exist_ok=True)
                model.save_weights(str(self.weights_dir / f"{point.id}.weights.h5"))
            return point.completed(val_error=result.val_error, test_error=result.test_error,
                                   resource_features=features, train_seconds=result.train_seconds,
                                   epochs_run=result.epochs_run, finished_at=time.time())
        except Exception as e:  # noqa: BLE001 - a broken candidate is recorded, never fatal
            return point.failed(f"{type(e).__name__}: {e}", train_seconds=time.time() - start,
                                finished_at=time.time())
        finally:
            keras.backend.clear_session()
            gc.collect()
