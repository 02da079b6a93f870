"""Dynamic Model Pruning with Feedback (DPF; Lin et al., ICLR 2020) as μNAS ran it, on Keras 3.

The model's kernel variables hold the *masked* weights, so the forward/backward pass sees the pruned
network; the *dense* weights live in separate variables. The training step
(``model_trainer.CandidateModel.train_step``) takes the gradient at the masked weights, swaps the
dense weights in (``DPFPruner.load_dense``), lets the optimizer update them (momentum and weight
decay apply to the dense weights), keeps the result as the new dense weights and masks the model
again (``DPFPruner.store_dense_and_mask``). Pruned weights keep receiving updates (the "feedback").

The schedule, as μNAS's ``DPFPruning`` callback (counting epochs from 0, t0 = start - 1,
tn = finish - 1): the target sparsity of epoch e in [t0, tn] is ``s * (1 - (1 - (e - t0) / (tn - t0))^3)``
(constant within the epoch); in those epochs the masks are recomputed from the dense weights at the
first batch of the epoch and every ``MASK_UPDATE_STEPS`` batches after it; after epoch tn they stay
frozen. Masks come from one global threshold, ``np.quantile`` of all scores at the sparsity, keeping
scores >= threshold: weight magnitudes (unstructured) or the L2 norms of the output channels/units
of every prunable kernel (structured; the same threshold for all layers, so whole layers may go).

Two places where μNAS departs from the DPF paper are kept by default and switchable:
- at each validation μNAS writes the masks into the dense weights (its callback masks the model for
  validation and never restores it), so pruned weights restart from zero every epoch;
  ``keep_dense_weights=True`` keeps them, as the paper does;
- biases are never pruned (structured pruning leaves a pruned channel's bias on);
  ``prune_biases=True`` zeroes them with their channel, so the trained network is the one whose
  resource figures are reported.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence

import numpy as np

MASK_UPDATE_STEPS = 16


def _keras():
    import keras
    return keras


# --- which weights are prunable --------------------------------------------------------------------
def _kernel_attr(layer) -> Optional[str]:
    """Name of the layer's kernel attribute when it is a conv/dense kernel, else None."""
    L = _keras().layers
    # Keras 3 names the depthwise kernel "kernel" (tf.keras 2 named it "depthwise_kernel").
    if isinstance(layer, (L.Conv1D, L.Conv2D, L.Conv3D, L.Dense, L.DepthwiseConv1D,
                          L.DepthwiseConv2D)) and \
            not isinstance(layer, (L.Conv1DTranspose, L.Conv2DTranspose, L.Conv3DTranspose)):
        return "kernel"
    return None


def _flat_layers(model):
    for layer in model.layers:
        if isinstance(layer, _keras().Model):
            yield from _flat_layers(layer)
        else:
            yield layer


def _producers(layer) -> List:
    """Layers whose outputs ``layer`` reads (over all its call sites)."""
    out = []
    for node in getattr(layer, "_inbound_nodes", []):
        for t in node.input_tensors:
            history = getattr(t, "_keras_history", None)
            if history is not None:
                out.append(history[0])
    return out


def output_layers(model) -> list:
    """The layers that produce the model's outputs (the classifier of a candidate)."""
    out = []
    for t in model.outputs:
        history = getattr(t, "_keras_history", None)
        if history is not None and history[0] not in out:
            out.append(history[0])
    return out


def input_fed_layers(model) -> list:
    """Layers that read a model input directly (μNAS's structured pruning leaves them alone)."""
    L = _keras().layers
    return [layer for layer in _flat_layers(model)
            if any(isinstance(p, L.InputLayer) for p in _producers(layer))]


def prunable_layers(model, structured: bool = False) -> list:
    """Layers whose kernels DPF prunes, as μNAS chose them: every conv/dense kernel (depthwise ones
    included) except the output layer's; for structured pruning also not kernels with a single
    output channel/unit (depthwise kernels) nor layers fed by the model's input. Layers feeding an
    Add are pruned like any other (the resource graph's Add takes the larger channel count)."""
    last = output_layers(model)
    first = input_fed_layers(model) if structured else []
    out = []
    for layer in _flat_layers(model):
        attr = _kernel_attr(layer)
        if attr is None or layer in last:
            continue
        if structured and (getattr(layer, attr).shape[-1] <= 1 or layer in first):
            continue
        out.append(layer)
    return out


# --- the schedule and the masks -------------------------------------------------------------------
def epoch_sparsity(epoch: int, target: float, start_epoch: int, finish_epoch: int) -> Optional[float]:
    """μNAS's sparsity for 0-based ``epoch`` while pruning (epochs ``start - 1 .. finish - 1``),
    ``None`` outside that window (the masks are not recomputed then)."""
    t0, tn = start_epoch - 1, finish_epoch - 1
    if not t0 <= epoch <= tn:
        return None
    if tn == t0:                     # a one-epoch window (μNAS divides by zero here)
        return float(target)
    return float(target * (1.0 - (1.0 - (epoch - t0) / (tn - t0)) ** 3))


def _threshold_keep(scores: Sequence[np.ndarray], sparsity: float) -> List[np.ndarray]:
    """Keep-masks: scores at or above the ``sparsity`` quantile of all scores taken together."""
    if not scores:
        return []
    threshold = np.quantile(np.concatenate([np.ravel(s) for s in scores]), sparsity)
    return [s >= threshold for s in scores]


def unstructured_masks(kernels: Sequence[np.ndarray], sparsity: float) -> List[np.ndarray]:
    """Per-weight keep-masks (shapes of ``kernels``): one global magnitude threshold."""
    return _threshold_keep([np.abs(k) for k in kernels], sparsity)


def channel_norms(kernel: np.ndarray) -> np.ndarray:
    """L2 norm of each output channel/unit (last axis) of a kernel."""
    k = kernel.reshape(-1, kernel.shape[-1]).astype(np.float64)
    return np.sqrt(np.einsum("ij,ij->j", k, k))


def structured_masks(kernels: Sequence[np.ndarray], sparsity: float) -> List[np.ndarray]:
    """Per-output-channel keep-masks (shape ``(channels,)``): one global threshold over the channel
    norms of all kernels, so a layer whose channels are all weaker than the threshold loses them all."""
    return _threshold_keep([channel_norms(k) for k in kernels], sparsity)


# --- training-time state ---------------------------------------------------------------------------
class DPFPruner:
    """Dense copies and masks of a model's prunable weights, and the DPF update rule.

    Create it before the first training step (it owns variables the step reads); the training step
    calls ``load_dense`` and ``store_dense_and_mask`` around the optimizer update; the
    ``PruningSchedule`` callback calls ``update_masks`` and ``forget_pruned_dense``."""

    def __init__(self, model, target_sparsity: float, structured: bool = False, *,
                 prune_biases: bool = False):
        keras = _keras()
        if not 0.0 < target_sparsity < 1.0:
            raise ValueError(f"target sparsity must be in (0, 1), got {target_sparsity!r}")
        self.target_sparsity = float(target_sparsity)
        self.structured = bool(structured)
        self.layers = prunable_layers(model, structured)
        self.kernels = [getattr(l, _kernel_attr(l)) for l in self.layers]
        self.biases = [getattr(l, "bias", None) if structured and prune_biases else None
                       for l in self.layers]
        pruned = self.kernels + [b for b in self.biases if b is not None]
        self._vars = pruned
        # From a numpy copy: a keras.Variable built from another variable's value aliases it.
        self._dense = [keras.Variable(np.array(v.numpy()), trainable=False, dtype=v.dtype,
                                      name=f"dpf_dense_{i}") for i, v in enumerate(pruned)]
        self._masks = [keras.Variable(np.ones(v.shape, v.dtype), trainable=False, dtype=v.dtype,
                                      name=f"dpf_mask_{i}") for i, v in enumerate(pruned)]
        self.sparsity = 0.0

    # Inside the train step (graph mode), around the optimizer's update.
    def load_dense(self):
        """Put the dense weights into the model's variables, for the optimizer to update."""
        for v, d in zip(self._vars, self._dense):
            v.assign(d.value)

    def store_dense_and_mask(self):
        """Keep the updated weights as the dense ones; leave ``dense * mask`` in the model."""
        for v, d, m in zip(self._vars, self._dense, self._masks):
            d.assign(v.value)
            v.assign(d.value * m.value)

    def apply_masks(self):
        """Write ``dense * mask`` into the model's weights."""
        for v, d, m in zip(self._vars, self._dense, self._masks):
            v.assign(d.value * m.value)

    # Between steps (eager).
    def forget_pruned_dense(self):
        """Zero the dense copies of the pruned weights (μNAS's validation leaves them so)."""
        for d, m in zip(self._dense, self._masks):
            d.assign(d.value * m.value)

    def update_masks(self, sparsity: float):
        """Recompute the masks from the dense weights at ``sparsity`` and apply them."""
        sparsity = float(sparsity)
        dense_kernels = [d.numpy() for d in self._dense[:len(self.kernels)]]
        if self.structured:
            channel_masks = structured_masks(dense_kernels, sparsity)
            masks = [np.broadcast_to(c, k.shape) for c, k in zip(channel_masks, dense_kernels)]
            masks += [c for c, b in zip(channel_masks, self.biases) if b is not None]
        else:
            masks = unstructured_masks(dense_kernels, sparsity)
        for var, mask in zip(self._masks, masks):
            var.assign(mask.astype(var.dtype))
        self.apply_masks()
        self.sparsity = sparsity

    def pruned_weights(self) -> Dict[str, np.ndarray]:
        """Layer name -> masked kernel (numpy, Keras layout): what the resource graph consumes."""
        return {layer.name: np.array(k.numpy()) for layer, k in zip(self.layers, self.kernels)}

    def release(self):
        """Drop the variables (dense copies, masks) and the references to the model."""
        self.layers, self.kernels, self.biases, self._vars = [], [], [], []
        self._dense, self._masks = [], []


def make_schedule_callback(pruner: DPFPruner, start_epoch: int, finish_epoch: int,
                           keep_dense_weights: bool = False):
    """A ``PruningSchedule`` callback driving ``pruner`` (keras imported lazily)."""
    keras = _keras()

    class PruningSchedule(keras.callbacks.Callback):
        """Per-epoch sparsity, masks recomputed every ``MASK_UPDATE_STEPS`` batches of a pruning
        epoch (batch counter restarting each epoch) and frozen after it; at each validation inside
        ``fit`` the pruned dense weights are zeroed unless ``keep_dense_weights``."""

        def __init__(self):
            super().__init__()
            self.epoch_target = None
            self.in_fit = False

        def on_train_begin(self, logs=None):
            self.in_fit = True

        def on_epoch_begin(self, epoch, logs=None):
            self.epoch_target = epoch_sparsity(epoch, pruner.target_sparsity, start_epoch,
                                               finish_epoch)

        def on_train_batch_begin(self, batch, logs=None):
            if self.epoch_target is not None and batch % MASK_UPDATE_STEPS == 0:
                pruner.update_masks(self.epoch_target)

        def on_test_begin(self, logs=None):
            if self.in_fit and not keep_dense_weights:
                pruner.forget_pruned_dense()

        def on_train_end(self, logs=None):
            self.in_fit = False

    return PruningSchedule()
