"""What a model pays on its deployment target, predicted from its resource graph alone.

The search records these figures for every candidate (and ``BoundConfig``'s target bounds limit
them): the .tflite's bytes and TFLM's arena (head, tail, total, smallest) for the target's 32- or
64-bit runtime and kernel set (:mod:`resource_models.tflite_predict`), instructions per inference
on the Cortex-M4 (:mod:`resource_models.tflm_latency`), and the sums the bounds compare: RAM
(the smallest arena that runs the model, which planning can make larger than the arena total,
+ the stack the config reserves) and flash (the model + the runtime's bytes the config
states). Nothing is converted or run: milliseconds per candidate.
"""
from __future__ import annotations

from typing import Optional


def target_figures(graph, target: str = "cortex-m4", kernels: str = "cmsis-nn",
                   stack_bytes: int = 4_096, runtime_flash_bytes: int = 0,
                   clock_mhz: Optional[float] = None) -> dict:
    """``{tflite_bytes, arena_head_bytes, arena_tail_bytes, arena_total_bytes, min_arena_bytes,
    ram_bytes, flash_bytes, instructions, latency_ms}`` of ``graph`` deployed on ``target`` with
    ``kernels`` (``instructions`` and ``latency_ms`` are None where not predicted: instructions
    on the Cortex-M4 only, milliseconds only with a clock). A graph with an operator the models
    do not know raises a ``ResourceModelError``."""
    from .tflite_predict import deployed_footprint, predicted_tflite_model

    figures = dict(deployed_footprint(graph, target=target, kernels=kernels))
    # The arena a firmware must declare is the smallest that runs: while TFLM plans, its head
    # holds the planner's records too, so it can exceed the arena total after allocation.
    figures["ram_bytes"] = figures["min_arena_bytes"] + int(stack_bytes)
    figures["flash_bytes"] = figures["tflite_bytes"] + int(runtime_flash_bytes)
    instructions = latency_ms = None
    if target == "cortex-m4":
        from .tflm_latency import predicted_instructions
        instructions = int(predicted_instructions(predicted_tflite_model(graph), kernels))
        if clock_mhz:
            latency_ms = instructions / (float(clock_mhz) * 1e3)
    figures["instructions"], figures["latency_ms"] = instructions, latency_ms
    return figures
