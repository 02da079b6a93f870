"""Dynamic Model Pruning with Feedback (DPF; Lin et al., ICLR 2020), the Keras 3 way.

The model's kernel variables always hold the *masked* weights, so the forward/backward pass, the
validation and the final model all see the pruned network. The *dense* weights live in separate
variables. The training step (``model_trainer.CandidateModel.train_step``) takes the gradient at the
masked weights, swaps the dense weights in (``DPFPruner.load_dense``), lets the optimizer update them
as usual (momentum, weight decay and all apply to the dense weights, as in DPF), then keeps the result
as the new dense weights and masks the model again (``DPFPruner.store_dense_and_mask``). Pruned
weights thus keep receiving updates (the "feedback") and come back when they grow large enough by the
time masks are recomputed, every ``MASK_UPDATE_STEPS`` steps, by the ``PruningSchedule`` callback
along Zhu & Gupta's cubic sparsity schedule. No optimizer internals are touched.

Unstructured pruning ranks individual weights by magnitude against one global threshold; structured
pruning ranks each layer's output channels/units by the L2 norm of their kernel slice and drops the
same fraction in every prunable layer (zeroing their bias too).
"""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence

import numpy as np

MASK_UPDATE_STEPS = 16


# --- which weights are prunable --------------------------------------------------------------------
def _keras():
    import keras
    return keras


def _kernel_attr(layer) -> Optional[str]:
    """Name of the layer's prunable kernel attribute, or None."""
    L = _keras().layers
    # Keras 3 names the depthwise kernel "kernel" too (Keras 2 had "depthwise_kernel").
    if isinstance(layer, (L.Conv1D, L.Conv2D, L.Conv3D, L.Dense, L.DepthwiseConv1D,
                          L.DepthwiseConv2D)) and \
            not isinstance(layer, (L.Conv1DTranspose, L.Conv2DTranspose, L.Conv3DTranspose)):
        return "kernel"
    return None


def classifier_layer(model):
    """The classifier: the layer named "classifier", else the model's last Dense layer."""
    L = _keras().layers
    layers = list(_flat_layers(model))
    for layer in layers:
        if layer.name == "classifier":
            return layer
    dense = [l for l in layers if isinstance(l, L.Dense)]
    return dense[-1] if dense else None


def _flat_layers(model):
    for layer in model.layers:
        if isinstance(layer, _keras().Model):
            yield from _flat_layers(layer)
        else:
            yield layer


def _input_layers(layer) -> List:
    """Layers producing ``layer``'s inputs (all call sites), from the functional graph."""
    producers = []
    for node in getattr(layer, "_inbound_nodes", []):
        for t in node.input_tensors:
            history = getattr(t, "_keras_history", None)
            if history is not None:
                producers.append(history[0])
    return producers


def channel_locked_layers(model) -> set:
    """Names of conv/dense layers whose output channels must stay: each one reaches the input of an
    element-wise merge (Add, Multiply, ...) through channel-preserving layers only (BatchNorm,
    activations, pooling, padding, dropout, depthwise convs), so dropping a channel there would
    misalign the other operands. Every operand of every merge is traced, hence both branches."""
    L = _keras().layers
    merges = (L.Add, L.Subtract, L.Multiply, L.Average, L.Maximum, L.Minimum)
    preserving = (L.BatchNormalization, L.LayerNormalization, L.ReLU, L.Activation, L.LeakyReLU,
                  L.ELU, L.PReLU, L.Softmax, L.Dropout, L.SpatialDropout1D, L.SpatialDropout2D,
                  L.GaussianNoise, L.GaussianDropout, L.MaxPooling1D, L.MaxPooling2D,
                  L.AveragePooling1D, L.AveragePooling2D, L.GlobalAveragePooling2D,
                  L.GlobalMaxPooling2D, L.ZeroPadding1D, L.ZeroPadding2D, L.Cropping2D,
                  L.Identity, L.DepthwiseConv2D, L.UpSampling2D) + merges
    locked, seen = set(), set()
    stack = [p for layer in _flat_layers(model) if isinstance(layer, merges)
             for p in _input_layers(layer)]
    while stack:
        layer = stack.pop()
        if id(layer) in seen:
            continue
        seen.add(id(layer))
        if _kernel_attr(layer) is not None:
            locked.add(layer.name)
        if isinstance(layer, preserving):          # channels flow straight through: keep walking
            stack.extend(_input_layers(layer))
    return locked


def prunable_layers(model, structured: bool = False) -> list:
    """Layers whose kernels DPF prunes: conv and dense layers except the classifier; for structured
    pruning also not depthwise convs (a channel there is tied to its input) nor channel-locked layers."""
    L = _keras().layers
    classifier = classifier_layer(model)
    locked = channel_locked_layers(model) if structured else set()
    out = []
    for layer in _flat_layers(model):
        if _kernel_attr(layer) is None or layer is classifier:
            continue
        if structured and (isinstance(layer, L.DepthwiseConv2D) or layer.name in locked):
            continue
        out.append(layer)
    return out


# --- masks -----------------------------------------------------------------------------------------
def cubic_sparsity(epoch: float, target: float, start: float, finish: float) -> float:
    """Zhu & Gupta's cubic schedule: 0 before ``start``, ``target`` from ``finish`` on."""
    if epoch >= finish:
        return float(target)
    if epoch <= start:
        return 0.0
    progress = (epoch - start) / (finish - start)
    return float(target * (1.0 - (1.0 - progress) ** 3))


def _global_keep(scores: Sequence[np.ndarray], sparsity: float) -> List[np.ndarray]:
    """Keep-masks removing the ``round(sparsity * n)`` smallest scores over all arrays together;
    each array keeps at least its largest entry (a layer with nothing left computes nothing)."""
    sizes = [s.size for s in scores]
    flat = np.concatenate([s.ravel() for s in scores]) if scores else np.zeros(0)
    keep = np.ones(flat.size, bool)
    k = int(round(sparsity * flat.size))
    if k >= flat.size:
        k = flat.size - 1
    if k > 0:
        keep[np.argpartition(flat, k - 1)[:k]] = False
    masks = np.split(keep, np.cumsum(sizes)[:-1])
    out = []
    for mask, s in zip(masks, scores):
        if s.size and not mask.any():
            mask[np.argmax(s.ravel())] = True
        out.append(mask.reshape(s.shape))
    return out


def unstructured_masks(kernels: Sequence[np.ndarray], sparsity: float) -> List[np.ndarray]:
    """Per-weight keep-masks (same shapes as ``kernels``): global magnitude threshold."""
    return _global_keep([np.abs(k) for k in kernels], sparsity)


def channel_norms(kernel: np.ndarray) -> np.ndarray:
    """L2 norm of each output channel/unit (last axis) of a kernel."""
    k = kernel.reshape(-1, kernel.shape[-1])
    return np.sqrt(np.einsum("ij,ij->j", k, k))


def structured_masks(kernels: Sequence[np.ndarray], sparsity: float) -> List[np.ndarray]:
    """Per-output-channel keep-masks (shape ``(channels,)``): each layer drops the
    ``round(sparsity * channels)`` channels of smallest L2 norm (keeping at least one).

    Per layer rather than one global threshold: channel norms are not comparable across layers
    (Glorot initialisation alone makes a 3x3x1 conv's channels ~4x smaller than a 512-input dense
    layer's units, so a global threshold would wipe out the first convolution)."""
    return [_global_keep([channel_norms(k)], sparsity)[0] for k in kernels]


# --- training-time state ---------------------------------------------------------------------------
class DPFPruner:
    """Dense copies and masks of a model's prunable weights, and the DPF update rule.

    Create it before the first training step (it owns variables the step reads); the training step
    calls ``load_dense`` and ``store_dense_and_mask`` around the optimizer update; ``PruningSchedule``
    calls ``update_masks``."""

    def __init__(self, model, target_sparsity: float, structured: bool = False):
        keras = _keras()
        if not 0.0 <= target_sparsity < 1.0:
            raise ValueError(f"target sparsity must be in [0, 1), got {target_sparsity!r}")
        self.target_sparsity = float(target_sparsity)
        self.structured = bool(structured)
        self.layers = prunable_layers(model, structured)
        self.kernels = [getattr(l, _kernel_attr(l)) for l in self.layers]
        # Structured pruning zeroes a pruned channel's bias too, so the channel really outputs 0.
        self.biases = [getattr(l, "bias", None) if structured else None for l in self.layers]
        pruned = self.kernels + [b for b in self.biases if b is not None]
        self._vars = pruned
        # From a numpy copy: a keras.Variable built from another variable's value aliases it.
        self._dense = [keras.Variable(np.array(v.numpy()), trainable=False, dtype=v.dtype,
                                      name=f"dpf_dense_{i}_{v.name}") for i, v in enumerate(pruned)]
        self._masks = [keras.Variable(np.ones(v.shape, v.dtype), trainable=False, dtype=v.dtype,
                                      name=f"dpf_mask_{i}_{v.name}") for i, v in enumerate(pruned)]
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
    def update_masks(self, sparsity: float):
        """Recompute masks from the dense weights at ``sparsity`` and apply them."""
        sparsity = float(sparsity)
        if sparsity <= 0.0 and self.sparsity <= 0.0:
            return                                   # nothing pruned yet: masks are all ones
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


def make_schedule_callback(pruner: DPFPruner, steps_per_epoch: int, start_epoch: float,
                           finish_epoch: float):
    """A ``PruningSchedule`` callback (keras imported lazily)."""
    keras = _keras()

    class PruningSchedule(keras.callbacks.Callback):
        """Recomputes the masks every ``MASK_UPDATE_STEPS`` training steps along the cubic schedule,
        and before a validation when the sparsity due at the end of the epoch differs from the
        masks', so the validation of epoch ``finish_epoch - 1`` (0-based) and all later ones see the
        target sparsity."""

        def __init__(self):
            super().__init__()
            self.epoch = 0
            self.in_fit = False

        def sparsity_at(self, epoch: float) -> float:
            return cubic_sparsity(epoch, pruner.target_sparsity, start_epoch, finish_epoch)

        def on_train_begin(self, logs=None):
            self.in_fit = True
            pruner.update_masks(self.sparsity_at(0.0))

        def on_epoch_begin(self, epoch, logs=None):
            self.epoch = epoch

        def on_train_batch_begin(self, batch, logs=None):
            step = self.epoch * steps_per_epoch + batch
            if step % MASK_UPDATE_STEPS == 0:
                pruner.update_masks(self.sparsity_at(step / steps_per_epoch))

        def on_test_begin(self, logs=None):
            # Only while the sparsity still grows: at the target, validation sees the masks the
            # last training steps used rather than freshly recomputed ones.
            sparsity = self.sparsity_at(self.epoch + 1.0)
            if self.in_fit and sparsity != pruner.sparsity:
                pruner.update_masks(sparsity)

        def on_train_end(self, logs=None):
            self.in_fit = False

    return PruningSchedule()
