"""From a search state to TensorFlow Lite Micro models, verified on TFLM itself.

    search_state_processor.py STATE --export DIR [--points pareto|in-bounds|ID,ID...] [--retrain]
                              [--config CONFIG] [--arena-limit BYTES]

For each chosen point: the Keras model with its kept weights (or retrained with ``--retrain``;
a structured-pruned point as the network with fewer channels that the search measured),
full-integer int8 conversion (int8 input and output, batch 1, calibrated on the validation split),
the operator order that minimises TFLM's arena head written into the flatbuffer (plus an offline
memory plan where TFLM's greedy planner would still exceed the theoretical peak), a C array ready
for TFLM, and figures measured by running the model in the TFLM interpreter: its arena head (which
must equal the prediction of :mod:`resource_models.tflite`), its arena total, its int8 accuracy on
the whole test split and whether its outputs equal the reference LiteRT interpreter's.
Everything is written into a temporary directory that is renamed to DIR at the end, so a failure
leaves no half-written export.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import List, Optional, Sequence

import numpy as np

from search_algorithms.pareto import pareto_front

TABLE_COLUMNS = (("id", "id", "{}"), ("float acc", "float_test_accuracy", "{:.4f}"),
                 ("int8 acc", "int8_test_accuracy", "{:.4f}"), ("tflite B", "tflite_bytes", "{:,}"),
                 ("μNAS peak B", "peak_memory_usage", "{:,}"),
                 ("theor. peak B", "theoretical_peak_bytes", "{:,}"),
                 ("pred. head B", "predicted_arena_head_bytes", "{:,}"),
                 ("TFLM head B", "tflm_arena_head_bytes", "{:,}"),
                 ("TFLM total B", "tflm_arena_total_bytes", "{:,}"))
# With --target cortex-m4: the firmware's figures (instructions, not cycles).
TARGET_COLUMNS = (("M4 head B", "target_arena_head_bytes", "{:,}"),
                  ("M4 tail B", "target_arena_tail_bytes", "{:,}"),
                  ("M4 arena B", "target_min_arena_bytes", "{:,}"),
                  ("M4 stack B", "target_stack_bytes", "{:,}"),
                  ("M4 flash B", "target_flash_bytes", "{:,}"),
                  ("M4 instr.", "target_instructions_per_inference", "{:,}"),
                  ("M4 int8 acc", "target_int8_accuracy", "{:.4f}"),
                  ("M4 exact", "target_bit_exact", "{}"))
TARGETS = ("cortex-m4",)
DEFAULT_TARGET_SAMPLES = 200


class ExportError(Exception):
    """Bad input for an export; the message is one line naming the state, point or file."""


# --- choosing points -----------------------------------------------------------------------------
def choose_points(state, spec: str) -> list:
    """The points named by ``spec``: ``pareto``, ``in-bounds`` or comma-separated ids."""
    spec = (spec or "pareto").strip()
    if spec == "pareto":
        chosen = sorted(pareto_front(state.ok_points, state.objectives), key=lambda p: p.id)
    elif spec == "in-bounds":
        chosen = sorted(state.in_bounds_points, key=lambda p: p.id)
    else:
        try:
            ids = [int(x) for x in spec.split(",") if x.strip()]
        except ValueError:
            raise ExportError(f"--points {spec!r}: use pareto, in-bounds or ids like 3,17") from None
        by_id = {p.id: p for p in state.points}
        missing = [i for i in ids if i not in by_id]
        if missing:
            raise ExportError(f"{state.path}: no point with id {', '.join(map(str, missing))} "
                              f"(ids run from 0 to {max(by_id, default=-1)})")
        failed = [by_id[i] for i in ids if not by_id[i].ok]
        if failed:
            raise ExportError(f"{state.path}: point {failed[0].id} failed during the search "
                              f"({failed[0].error or 'no result'}); it has no model to export")
        chosen = [by_id[i] for i in ids]
    if not chosen:
        raise ExportError(f"{state.path}: --points {spec} selects no point")
    return chosen


# --- data ----------------------------------------------------------------------------------------
def load_training_config(config_path: str):
    """The ``training_config`` of a config file (one-line error naming the file)."""
    from driver import ConfigFileError, load_config

    try:
        return load_config(config_path)["training_config"]
    except ConfigFileError as e:
        raise ExportError(str(e)) from None


def dataset_for(state, config_path: Optional[str] = None):
    """The search's dataset: from the config file when given, else rebuilt from the state header
    (its dataset class, two classes when the search space has two)."""
    if config_path:
        return load_training_config(config_path).dataset
    import dataset as datasets

    config = state.header.get("config")
    name = config.get("training", {}).get("dataset") if isinstance(config, dict) \
        else _dataset_name_from_text(config)
    cls = getattr(datasets, str(name), None)
    if not isinstance(cls, type) or not issubclass(cls, datasets.Dataset):
        raise ExportError(f"{state.path}: cannot rebuild the search's dataset {name!r}; "
                          "pass --config CONFIG (the config file the search ran)")
    classes = (state.header.get("search_space") or {}).get("num_classes")
    return cls(binary=bool(classes == 2 and cls._num_classes != 2))


def _dataset_name_from_text(text) -> Optional[str]:
    import ast
    try:
        value = ast.literal_eval(text) if isinstance(text, str) else None
    except (ValueError, SyntaxError):
        return None
    return (value or {}).get("training", {}).get("dataset") if isinstance(value, dict) else None


def _splits(data, state):
    from dataset import DatasetUnavailable

    try:
        return data.splits()
    except DatasetUnavailable as e:
        raise ExportError(f"{state.path}: {e}") from None


# --- one model -----------------------------------------------------------------------------------
def keras_model_for(state, point, retrain: bool, training_config, seed: int = 0):
    """The trained Keras model of ``point``: its kept weights, else (with ``retrain``) trained as
    the search's evaluator trained it (same config, same seed)."""
    if state.weights_path(point) is not None:
        return state.keras_model(point)
    if not retrain:
        raise ExportError(f"{state.path}: point {point.id} has no kept weights file "
                          f"({state.weights_dir}/{point.id}.weights.h5); pass --retrain to "
                          "train it with the search's config")
    from model_trainer import ModelTrainer

    model = state.keras_model(point, load_weights=False)
    result = ModelTrainer(training_config, seed=seed).train_and_eval(model, sparsity=point.sparsity)
    if not result.ok:
        raise ExportError(f"{state.path}: retraining point {point.id} failed: {result.error}")
    return model


def _predicted_classes(outputs: np.ndarray) -> np.ndarray:
    outputs = np.asarray(outputs, dtype=np.float32)
    if outputs.shape[-1] == 1:
        return (outputs[:, 0] > 0).astype(int)
    return outputs.argmax(axis=-1)


def export_model(model, splits, name: str, out_dir: Path, arena_limit: Optional[int] = None,
                 calibration_samples: int = 500, target: Optional[str] = None,
                 kernels: str = "cmsis-nn", target_samples: int = DEFAULT_TARGET_SAMPLES) -> dict:
    """Convert, reorder, write and measure one Keras model (and with ``target``, build and run it
    on that microcontroller); returns its summary entry."""
    from resource_models.tflite import read_tflite
    from resource_models.tflite_canonical import exported
    from resource_models.tflite_planner import ONLINE
    from resource_models.tflm_arena import arena_figures
    from utils import (convert_to_tflite, quiet_conversion, tflite_predict, tflm_arena_usage,
                       tflm_predict)

    # eager calls: model.predict would trace a new function for every exported model
    float_logits = np.concatenate([np.asarray(model(splits.x_test[i:i + 256], training=False))
                                   for i in range(0, len(splits.x_test), 256)])
    float_acc = float(np.mean(_predicted_classes(float_logits) == splits.y_test))
    converted = quiet_conversion(lambda: convert_to_tflite(
        model, splits.x_val, num_representative=calibration_samples))
    graph = read_tflite(converted)
    # the canonical form, reordered for the least arena head: what resource_models.tflite_predict
    # predicts from the architecture (names and numbering follow from the structure alone)
    flatbuffer, best, converter_index = exported(converted)
    written = read_tflite(flatbuffer)
    converter_order = [converter_index.index(i) for i in range(len(converter_index))]
    stored = written.memory(converter_order, offline=[ONLINE] * len(written.tensors))
    usage = tflm_arena_usage(flatbuffer)
    predicted = arena_figures(written)
    if arena_limit is not None and usage["total"] > arena_limit:
        raise ExportError(f"{name}: TFLM needs an arena of {usage['total']:,} bytes, more than "
                          f"--arena-limit {arena_limit:,}")
    tflm_out = tflm_predict(flatbuffer, splits.x_test, raw=True)
    reference_out = tflite_predict(flatbuffer, splits.x_test, raw=True)
    int8_acc = float(np.mean(_predicted_classes(_dequantise(graph, tflm_out)) == splits.y_test))
    axes = tuple(range(1, tflm_out.ndim))
    mismatched = int(np.sum(np.any(tflm_out != reference_out, axis=axes)))
    largest_difference = int(np.max(np.abs(tflm_out.astype(np.int64) - reference_out), initial=0))
    same_class = int(np.sum(_predicted_classes(_dequantise(graph, tflm_out))
                            == _predicted_classes(_dequantise(graph, reference_out))))

    on_target = {} if target is None else target_figures(
        flatbuffer, graph, splits, tflm_out, name, kernels, target_samples)

    tflite_file, h_file, c_file = f"{name}.tflite", f"{name}.h", f"{name}.cc"
    (out_dir / tflite_file).write_bytes(flatbuffer)
    header, source = c_array(flatbuffer, name, arena_bytes=usage["total"])
    (out_dir / h_file).write_text(header)
    (out_dir / c_file).write_text(source)
    return {"file": tflite_file, "h_file": h_file, "c_file": c_file,
            "float_test_accuracy": float_acc, "int8_test_accuracy": int8_acc,
            "int8_accuracy_interpreter": "TensorFlow Lite Micro (tflite-micro Python runtime, "
                                         "reference kernels)",
            "test_samples": int(len(splits.y_test)),
            "tflm_matches_reference_interpreter": mismatched == 0,
            "tflm_reference_mismatches": mismatched,
            "tflm_reference_max_abs_difference": largest_difference,
            "tflm_reference_same_class": same_class,
            # LiteRT rounds FULLY_CONNECTED's requantisation once, TFLM twice (gemmlowp), so
            # their int8 outputs can differ by one step (see test/test_tflite_rounding.py)
            "reference_interpreter": "LiteRT (ai-edge-litert) BUILTIN_REF kernels",
            "tflite_bytes": len(flatbuffer),
            "theoretical_peak_bytes": written.memory().theoretical_peak_bytes,
            "predicted_arena_head_bytes": predicted.head_bytes,
            "tflm_arena_head_bytes": usage["head"],
            "tflm_arena_tail_bytes": usage["tail"],
            "tflm_arena_total_bytes": usage["total"],
            "predicted_arena_tail_bytes": predicted.tail_bytes,
            "predicted_arena_total_bytes": predicted.total_bytes,
            "predicted_min_arena_bytes": predicted.min_arena_bytes,
            "converter_order_theoretical_peak_bytes": stored.theoretical_peak_bytes,
            "converter_order_arena_head_bytes": stored.arena_head_bytes,
            "operator_order": converter_index,
            "operators": [op.name for op in written.operators],
            "offline_memory_plan": best.offline_plan,
            "order_search": best.search, **on_target}


def target_figures(flatbuffer: bytes, graph, splits, tflm_out: np.ndarray, name: str,
                   kernels: str, samples: int) -> dict:
    """The model built into Cortex-M4 firmware (mcu/) and run on the first ``samples`` test inputs
    (quantised exactly as for the x86 TFLM run): its figures beside resource_models' prediction of
    its arena on that target, its outputs compared bit for bit with the x86-64 TFLM interpreter's,
    and its int8 accuracy on those samples."""
    from mcu import McuError, measure
    from resource_models.tflite import read_tflite
    from resource_models.tflm_arena import arena_figures
    from utils import quantise_inputs

    count = min(samples, len(splits.x_test))
    raw = quantise_inputs(flatbuffer, splits.x_test[:count])
    try:
        m = measure(flatbuffer, kernels, samples=[[x] for x in raw])
    except McuError as e:
        raise ExportError(f"{name}: {e}") from None
    target_out = np.stack([sample[0][0] for sample in m.outputs])
    x86_out = tflm_out[:count]
    predicted = _predicted_classes(_dequantise(graph, target_out))
    arena = arena_figures(read_tflite(flatbuffer), "cortex-m4", kernels)
    return {"target": "cortex-m4", "target_board": "QEMU mps2-an386 (Cortex-M4F)",
            "target_kernels": kernels,
            "target_arena_head_bytes": m.arena_head_bytes,
            "target_arena_tail_bytes": m.arena_tail_bytes,
            "target_arena_total_bytes": m.arena_total_bytes,
            "target_min_arena_bytes": m.min_arena_bytes,
            "target_predicted_arena_head_bytes": arena.head_bytes,
            "target_predicted_arena_tail_bytes": arena.tail_bytes,
            "target_predicted_arena_total_bytes": arena.total_bytes,
            "target_predicted_min_arena_bytes": arena.min_arena_bytes,
            "target_flash_bytes": m.flash_bytes,
            "target_model_flash_bytes": m.model_flash_bytes,
            "target_runtime_flash_bytes": m.runtime_flash_bytes,
            "target_data_bss_bytes": m.data_bss_bytes,
            "target_stack_bytes": m.stack_bytes,
            "target_instructions_per_inference": m.instructions_per_inference,
            "target_instructions_note": "instructions (QEMU -icount), not cycles",
            "target_samples": count,
            "target_bit_exact": bool(np.array_equal(target_out, x86_out)),
            "target_mismatched_samples": int(np.sum(np.any(
                target_out != x86_out, axis=tuple(range(1, target_out.ndim))))),
            "target_int8_accuracy": float(np.mean(predicted == splits.y_test[:count])),
            "x86_int8_accuracy_same_samples": float(np.mean(
                _predicted_classes(_dequantise(graph, x86_out)) == splits.y_test[:count]))}


def _dequantise(graph, raw: np.ndarray) -> np.ndarray:
    """int8 outputs as floats are not needed for argmax, but a single binary logit needs its sign
    relative to the zero point: shift by the output zero point."""
    if raw.dtype == np.float32:
        return raw
    from resource_models.tflite_schema import load_schema
    schema = load_schema()
    sub = schema.Model.GetRootAs(graph.data, 0).Subgraphs(0)
    q = sub.Tensors(graph.outputs[0]).Quantization()
    zero = int(q.ZeroPoint(0)) if q is not None and q.ZeroPointLength() else 0
    return raw.astype(np.float32) - zero


def c_array(flatbuffer: bytes, name: str, arena_bytes: Optional[int] = None):
    """(header, source) text of a C array holding ``flatbuffer``, 16-byte aligned for TFLM."""
    symbol = "".join(c if c.isalnum() else "_" for c in name)
    guard = f"UNAS_{symbol.upper()}_H_"
    header = [f"// {name}: int8 TensorFlow Lite Micro model exported by μNAS.", f"#ifndef {guard}",
              f"#define {guard}", "", "#include <cstddef>", "",
              f"extern const unsigned char {symbol}[];",
              f"extern const unsigned int {symbol}_len;"]
    if arena_bytes is not None:
        header.append(f"// Arena size measured in the TFLM interpreter (head + tail).\n"
                      f"constexpr size_t {symbol}_arena_size = {arena_bytes};")
    header += ["", f"#endif  // {guard}", ""]
    rows = [", ".join(f"0x{b:02x}" for b in flatbuffer[i:i + 12])
            for i in range(0, len(flatbuffer), 12)]
    source = [f'#include "{name}.h"', "",
              f"alignas(16) const unsigned char {symbol}[] = {{",
              ",\n".join("    " + r for r in rows), "};",
              f"const unsigned int {symbol}_len = {len(flatbuffer)};", ""]
    return "\n".join(header), "\n".join(source)


# --- structured pruning: the reduced-channel network ---------------------------------------------
def _structured(state) -> bool:
    config = state.header.get("config")
    pruning = config.get("training", {}).get("pruning") if isinstance(config, dict) else None
    if not pruning:
        return False
    return bool(pruning.get("structured")) if isinstance(pruning, dict) \
        else "structured=True" in str(pruning)


def _layer_output(model, layer):
    """The Keras tensor a layout layer ends with (after its batch norm and ReLU)."""
    names = {l.name for l in model.layers}
    for suffix in ("_relu", "_bn", ""):
        if layer.name + suffix in names:
            return model.get_layer(layer.name + suffix).output
    raise KeyError(layer.name)


def reduced_channel_model(model, layout):
    """The network that structured pruning leaves: every channel that ``cnn.network.ChannelPruning``
    drops (the same rule the search's resource graph used) removed from ``model``.

    A dropped channel's kernel slices are zero, so its value does not depend on the input: its
    bias (and batch norm, ReLU) make it a fixed map. Its effect on the layers that read it is
    folded into their biases, so the reduced model computes what the masked full-width model
    computes. That is exact for a Dense reader (any fixed map) and for a conv reader when the map
    is spatially constant; when it is not (a zero-padded Add of non-zero constants), returns
    ``(None, reason)``. Returns ``(reduced model, None)`` otherwise."""
    import keras

    from cnn.network import INPUT, ChannelPruning, build_keras_model
    from pruning import prunable_layers

    kernels = {l.name: np.asarray(l.kernel) for l in prunable_layers(model, structured=True)}
    pruning = ChannelPruning(layout, kernels)
    masks = pruning.live_channels               # tensor name -> live channels (bool)
    layers = layout.layers
    fixed = keras.Model(model.inputs, [_layer_output(model, l) for l in layers])
    values = fixed([np.zeros((1,) + tuple(layout.input_shape), np.float32)], training=False)
    value = {l.name: np.asarray(v)[0] for l, v in zip(layers, values)}

    reduced = build_keras_model(reduced_layout(layout, pruning), name=model.name)

    for layer in layers:
        if layer.kind in ("pool", "add"):
            continue
        src = layer.inputs[0]
        in_mask = masks[src]
        out_mask = masks[layer.name]
        kernel, bias = model.get_layer(layer.name).get_weights()
        if layer.kind == "dwconv":
            reduced.get_layer(layer.name).set_weights([kernel[:, :, in_mask], bias[in_mask]])
        else:
            dead = ~in_mask
            if layer.kind == "conv":
                fold = _conv_contribution(value[src] if src != INPUT else None, kernel, dead,
                                          layer.params["stride"]) if dead.any() else 0.0
                if fold is None:
                    return None, (f"{layer.name} reads dropped channels whose fixed value is not "
                                  "spatially constant")
                kept = kernel[:, :, in_mask][..., out_mask]
            else:
                shape = layout.shape(src)
                rows = np.tile(in_mask, int(np.prod(shape[:-1]))) if layer.params["preflatten"] \
                    else in_mask
                fold = (value[src].reshape(-1)[~rows] @ kernel[~rows]) if (~rows).any() else 0.0
                kept = kernel[rows][:, out_mask]
            fold = np.broadcast_to(np.asarray(fold, np.float64), bias.shape)[out_mask]
            reduced.get_layer(layer.name).set_weights([kept, (bias[out_mask] + fold)
                                                       .astype(bias.dtype)])
        if layer.params.get("has_bn"):
            mask = in_mask if layer.kind == "dwconv" else out_mask
            bn = model.get_layer(f"{layer.name}_bn").get_weights()
            reduced.get_layer(f"{layer.name}_bn").set_weights([w[mask] for w in bn])
    return reduced, None


def reduced_layout(layout, pruning):
    """``layout`` with each conv/dense layer's channels cut to what ``pruning`` keeps (same names)."""
    from cnn.network import Layout

    small = Layout(layout.input_shape)
    for layer in layout.layers:
        p, x = layer.params, layer.inputs
        if layer.kind == "conv":
            got = small.conv(x[0], pruning.channels(layer.name), p["kernel"], p["stride"],
                             p["has_bn"], p["has_relu"])
        elif layer.kind == "dwconv":
            got = small.dwconv(x[0], p["kernel"], p["stride"], p["has_bn"], p["has_relu"])
        elif layer.kind == "pool":
            got = small.pool(x[0], p["pool_size"], p["type"])
        elif layer.kind == "add":
            got = small.add(list(x))
        else:
            got = small.dense(x[0], pruning.channels(layer.name), p["activation"],
                              p["preflatten"], p["l2"], name=layer.name)
        assert got == layer.name, (got, layer.name)
    return small


def _conv_contribution(fixed_map, kernel, dead, stride):
    """What the dropped (``dead``) input channels, holding ``fixed_map``, add to each output channel
    of a 'valid' convolution: one value per channel, or None when it varies over positions."""
    k = kernel.shape[0]
    h, w = fixed_map.shape[:2]
    x = fixed_map[..., dead].astype(np.float64)
    kd = kernel[:, :, dead].astype(np.float64)
    out = np.stack([np.stack([np.einsum("ijc,ijco->o", x[i:i + k, j:j + k], kd)
                              for j in range(0, w - k + 1, stride)])
                    for i in range(0, h - k + 1, stride)])
    spread = np.ptp(out.reshape(-1, out.shape[-1]), axis=0)
    if np.any(spread > 1e-6 * (1.0 + np.abs(out).max())):
        return None
    return out.reshape(-1, out.shape[-1]).mean(axis=0)


def _pruned_network(state, point, model):
    """(the network to export, what structured pruning's export did) for ``point``."""
    if not _structured(state):
        return model, None
    space = state._space()
    layout = point.arch.layout(space.input_shape, space.num_classes)
    reduced, reason = reduced_channel_model(model, layout)
    if reduced is None:
        return model, f"structured: exported at full width with zeroed channels ({reason})"
    full = sum(l.params.get("filters", l.params.get("units", 0)) for l in layout.layers)
    kept = sum(reduced.get_layer(l.name).get_weights()[1].shape[0] for l in layout.layers
               if l.kind in ("conv", "dense"))
    return reduced, f"structured: reduced-channel network ({kept} of {full} conv/dense channels)"


# --- the whole export ----------------------------------------------------------------------------
def export(state, out_dir, points: str = "pareto", retrain: bool = False,
           config_path: Optional[str] = None, arena_limit: Optional[int] = None,
           log=print, target: Optional[str] = None, kernels: str = "cmsis-nn",
           target_samples: int = DEFAULT_TARGET_SAMPLES) -> List[dict]:
    """Export the chosen points of ``state`` into ``out_dir`` (atomically); returns the summary.
    With ``target`` ("cortex-m4") every model is also built into firmware and run (mcu/)."""
    if target is not None:
        check_target(target, kernels, target_samples)
    chosen = choose_points(state, points)
    if not retrain:
        missing = [p.id for p in chosen if state.weights_path(p) is None]
        if missing:
            raise ExportError(f"{state.path}: point {missing[0]} has no kept weights file "
                              f"({state.weights_dir}/{missing[0]}.weights.h5); pass --retrain "
                              "to train it with the search's config")
    untrained = [p.id for p in chosen if state.weights_path(p) is None]
    if untrained and not config_path:
        raise ExportError(f"{state.path}: --retrain needs --config CONFIG, the config file the "
                          "search ran (the state does not record its optimizer and callbacks)")
    training_config = load_training_config(config_path) if config_path else None
    splits = _splits(training_config.dataset if training_config else dataset_for(state), state)
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        summary = []
        for point in chosen:
            import keras
            keras.backend.clear_session()
            model = keras_model_for(state, point, retrain, training_config,
                                    seed=int(state.header.get("seed") or 0) * 100_003 + point.id)
            model, reduction = _pruned_network(state, point, model)
            entry = {"id": point.id}
            entry.update(export_model(model, splits, f"model_{point.id}", tmp, arena_limit,
                                      target=target, kernels=kernels,
                                      target_samples=target_samples))
            rf = point.resource_features or {}
            entry.update({"val_error": point.val_error, "test_error": point.test_error,
                          "peak_memory_usage": rf.get("peak_memory_usage"),
                          "model_size": rf.get("model_size"), "macs": rf.get("macs"),
                          "search_target_features": point.target_features,
                          "weights": "kept" if state.weights_path(point) else "retrained",
                          "sparsity": point.sparsity, "pruning": _pruning_note(state, reduction)})
            summary.append(entry)
            log(f"exported point {point.id}: TFLM head {entry['tflm_arena_head_bytes']:,} B "
                f"(predicted {entry['predicted_arena_head_bytes']:,} B)"
                + (f"; Cortex-M4 ({kernels}) arena {entry['target_min_arena_bytes']:,} B, "
                   f"{entry['target_instructions_per_inference']:,} instructions, outputs "
                   f"{'bit-exact' if entry['target_bit_exact'] else 'NOT bit-exact'} on "
                   f"{entry['target_samples']} test inputs" if target else ""))
        header = {"state": str(state.path), "points": points}
        if target is not None:
            header.update({"target": target, "target_kernels": kernels,
                           "target_samples": target_samples})
        (tmp / "summary.json").write_text(json.dumps({**header, "models": summary}, indent=1))
        _replace_dir(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return summary


def check_target(target: str, kernels: str, target_samples: int) -> None:
    """Before any model is exported: the target is known, its tools are installed and its TFLM
    library is built (once, minutes, into the cache)."""
    from mcu import McuError
    from mcu.library import check_kernels, ensure_library
    from mcu.toolchain import check_toolchain

    if target not in TARGETS:
        raise ExportError(f"--target {target!r}: choose one of {', '.join(TARGETS)}")
    if target_samples < 1:
        raise ExportError(f"--target-samples {target_samples}: must be at least 1")
    try:
        check_kernels(kernels)
        check_toolchain()
        ensure_library(kernels)
    except McuError as e:
        raise ExportError(str(e)) from None


def _pruning_note(state, reduction: Optional[str]) -> Optional[str]:
    """How the exported weights are pruned (``reduction``: what structured pruning's export did)."""
    config = state.header.get("config")
    pruning = config.get("training", {}).get("pruning") if isinstance(config, dict) else None
    if not pruning:
        return None
    return reduction if _structured(state) else "unstructured: sparse kernels (zeros stored densely)"


def _replace_dir(tmp: Path, out_dir: Path) -> None:
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old{os.getpid()}")
        os.replace(out_dir, old)
        os.replace(tmp, out_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, out_dir)


def format_summary(summary: Sequence[dict]) -> str:
    columns = TABLE_COLUMNS + (TARGET_COLUMNS if any("target" in e for e in summary) else ())
    widths = [max(len(head), 8) for head, _, _ in columns]
    lines = ["  ".join(f"{head:>{w}}" for (head, _, _), w in zip(columns, widths))]
    for entry in summary:
        cells = []
        for (head, key, fmt), w in zip(columns, widths):
            value = entry.get(key)
            cells.append(f"{'-' if value is None else fmt.format(value):>{w}}")
        lines.append("  ".join(cells))
    return "\n".join(lines)


# --- the command line hook -----------------------------------------------------------------------
def add_export_arguments(parser) -> None:
    g = parser.add_argument_group("export to TensorFlow Lite Micro")
    g.add_argument("--export", metavar="DIR", help="write int8 TFLM models, C arrays and "
                                                   "summary.json of the chosen points to DIR")
    g.add_argument("--points", default="pareto",
                   help="pareto (default), in-bounds, or comma-separated point ids")
    g.add_argument("--retrain", action="store_true",
                   help="train points whose weights were not kept, with the search's config")
    g.add_argument("--config", help="the config file the search ran (for its dataset and "
                                    "training; default: rebuilt from the state)")
    g.add_argument("--arena-limit", type=int, metavar="BYTES",
                   help="fail when a model needs a larger TFLM arena than this")
    g.add_argument("--target", choices=TARGETS,
                   help="also build every model into firmware for this microcontroller with TFLM, "
                        "run it in QEMU and report its arena, flash, RAM, stack and instructions "
                        "(mcu/)")
    g.add_argument("--kernels", default="cmsis-nn", choices=("cmsis-nn", "reference"),
                   help="TFLM kernels for --target (default: cmsis-nn)")
    g.add_argument("--target-samples", type=int, default=DEFAULT_TARGET_SAMPLES, metavar="N",
                   help="test inputs run on the target for bit-exactness and int8 accuracy "
                        f"(default: {DEFAULT_TARGET_SAMPLES}; the first N of the test split)")


def run_export(state, args) -> int:
    """Runs ``--export`` for ``search_state_processor``; one-line errors, exit status 2."""
    try:
        summary = export(state, args.export, args.points, args.retrain, args.config,
                         args.arena_limit, target=args.target, kernels=args.kernels,
                         target_samples=args.target_samples)
    except ExportError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"\nExported {len(summary)} model(s) to {args.export}/ (summary.json):")
    print(format_summary(summary))
    return 0
