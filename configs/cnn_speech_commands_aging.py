"""Speech Commands, aging evolution: μNAS's ``configs/cnn_speech_commands_aging.py``.

Speech Commands v0.02 from ``/datasets/speech_commands_v0.02`` (the original's path: edit it to
where the data is), 45 epochs, batch 50, AdamW (weight decay 1e-5), learning rate 0.0005, 0.0001
from epoch 20, 0.00002 from epoch 40; the CNN search space without dropout; aging evolution for
2,000 rounds (population 100, sample 25); bounds: error 8.5 %, peak memory 60,000 B, model size
40,000 B, 20M MACs.
"""
import keras

from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, TrainingConfig
from dataset import SpeechCommands
from optimizers import AdamW
from search_algorithms import AgingEvoSearch

search_algorithm = AgingEvoSearch


def lr_schedule(epoch):
    if epoch < 20:
        return 0.0005
    if epoch < 40:
        return 0.0001
    return 0.00002


training_config = TrainingConfig(
    dataset=SpeechCommands("/datasets/speech_commands_v0.02"),
    epochs=45,
    batch_size=50,
    optimizer=lambda: AdamW(learning_rate=0.0005, weight_decay=1e-5),
    callbacks=lambda: [keras.callbacks.LearningRateScheduler(lr_schedule)],
)

search_config = AgingEvoConfig(
    search_space=CnnSearchSpace(),
    rounds=2000,
    checkpoint_dir="artifacts/cnn_speech_commands",
)

bound_config = BoundConfig(
    error_bound=0.085,
    peak_mem_bound=60_000,
    model_size_bound=40_000,
    mac_bound=20_000_000,
)
