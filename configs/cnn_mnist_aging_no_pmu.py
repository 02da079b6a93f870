"""MNIST without a peak memory bound (the paper's ablation): μNAS's
``configs/cnn_mnist_aging_no_pmu.py``. ``cnn_mnist_aging.py`` with ``peak_mem_bound=None``."""
from config import BoundConfig
from configs.cnn_mnist_aging import search_algorithm, search_config, training_config  # noqa: F401

bound_config = BoundConfig(
    error_bound=0.035,
    peak_mem_bound=None,
    model_size_bound=4500,
    mac_bound=30_000_000,
)
