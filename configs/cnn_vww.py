"""Visual Wake Words, Bayesian optimisation: μNAS's ``configs/cnn_vww.py``.

Visual Wake Words records from ``/datasets/COCO/2014/records`` (the original's path: edit it to
where the data is), 30 epochs, batch 64, SGDW without momentum (learning rate 0.001, weight
decay 5e-5), early stopping with patience 15; Bayesian optimisation with 15 starting points (800
rounds) over the CNN space without dropout; bounds: error 10 %, peak memory 250,000 B, model size
250,000 B, 30M MACs. Like the original it names no ``search_algorithm``: the driver's default,
Bayesian optimisation, runs it.
"""
import keras

from cnn import CnnSearchSpace
from config import BayesOptConfig, BoundConfig, TrainingConfig
from dataset import VisualWakeWords
from optimizers import SGDW

training_config = TrainingConfig(
    dataset=VisualWakeWords("/datasets/COCO/2014/records"),
    optimizer=lambda: SGDW(learning_rate=0.001, weight_decay=5e-5),
    batch_size=64,
    epochs=30,
    callbacks=lambda: [keras.callbacks.EarlyStopping(patience=15, verbose=1)],
)

search_config = BayesOptConfig(
    search_space=CnnSearchSpace(),
    starting_points=15,
    checkpoint_dir="artifacts/cnn_vww",
)

bound_config = BoundConfig(
    error_bound=0.10,
    peak_mem_bound=250_000,
    model_size_bound=250_000,
    mac_bound=30_000_000,
)
