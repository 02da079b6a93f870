"""Resource models of μNAS: build a graph of operators and compute peak memory,
model size, MACs and latency for it. Depends on numpy only (never TensorFlow)."""
