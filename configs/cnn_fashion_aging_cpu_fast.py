"""Fashion-MNIST with the original's bounds, with this project's search-cost options switched on.

This project's addition (not one of the original μNAS configs). The task, data and bounds of
``configs/cnn_fashion_aging_cpu.py`` (error <= 10 %, peak memory <= 64,000 B, model size <= 64,000 B,
MACs <= 30M; Adam), searched the way a 2-core machine can afford:

- multi-fidelity aging evolution (``halving_eta=3``, ``halving_min_epochs=1``): a candidate trains
  1 epoch, then 3, 9 and 27 while its validation error ranks in the best third at each rung, each
  promotion continuing from the rung below's weights. The average candidate costs 3 epochs, as in
  the base config, but the best get 27: at 9 epochs the best candidates of a 60-minute run stayed
  above 11.5 % validation error, at 27 the same architecture went from 12.3 % to 8.8 %
  (``benchmarks/results/bench_search_quality_fashion_all*_s1.txt``);
- bound-aware proposals (``screen_factor=1.05``): a proposal whose exact resource figures exceed a
  bound by more than 5 % is drawn again (random) or morphed again (child) instead of trained. With
  a looser factor (2) the first candidates to reach the top rung were the large ones just over the
  model-size bound, and their children stayed there.

    pipenv run python driver.py configs/cnn_fashion_aging_cpu_fast.py --name fashion_fast

``rounds`` counts trainings (each rung's one).
"""
import dataclasses

from configs import cnn_fashion_aging_cpu as base
from search_algorithms import AgingEvoSearch

search_algorithm = AgingEvoSearch
training_config = dataclasses.replace(base.training_config, epochs=27)
search_config = dataclasses.replace(base.search_config, rounds=400, halving_eta=3,
                                    halving_min_epochs=1, screen_factor=1.05,
                                    checkpoint_dir="artifacts/cnn_fashion_cpu_fast")
bound_config = base.bound_config
