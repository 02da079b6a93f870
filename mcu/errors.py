"""The harness's one error type: bad input or a missing tool, reported as one line (exit 2)."""


class McuError(Exception):
    """A model, option or environment the firmware harness cannot work with."""
