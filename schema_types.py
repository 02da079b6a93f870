"""Free variables of a search space.

A search space describes its architectures as a flat schema: a mapping from names such as
``conv0-l1-filters`` to value types. The types know their bounds, draw uniform random values from an
explicit ``np.random.Generator`` (so a seeded search is reproducible), and say how many numbers they
take in a vector encoding (used by Bayesian optimisation kernels).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Sequence

import numpy as np


def _rng(rng: np.random.Generator | None) -> np.random.Generator:
    return rng if rng is not None else np.random.default_rng()


class ValueType(ABC):
    """One free variable. ``can_be_optional`` means the value may be absent (``None``)."""

    def __init__(self, can_be_optional: bool = False):
        self.can_be_optional = can_be_optional

    def value_in_bounds(self, value: Any) -> bool:
        """Whether ``value`` is a legal value (``None`` is legal only for optional variables)."""
        if value is None:
            return self.can_be_optional
        return self._value_in_bounds(value)

    @abstractmethod
    def _value_in_bounds(self, value: Any) -> bool: ...

    @abstractmethod
    def uniform_random_value(self, rng: np.random.Generator | None = None) -> Any:
        """A value drawn uniformly from the legal (non-None) values."""

    @property
    @abstractmethod
    def encoding_size(self) -> int:
        """How many numbers encode a value (plus one presence flag when optional)."""

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"


class Discrete(ValueType):
    """An integer in ``[low, high]`` (inclusive) on the grid ``low + k * increment``."""

    def __init__(self, bounds: Sequence[int], increment: int = 1, can_be_optional: bool = False):
        super().__init__(can_be_optional)
        low, high = bounds
        if increment < 1 or low > high:
            raise ValueError(f"Discrete: invalid bounds {bounds!r} / increment {increment!r}")
        self.bounds = (int(low), int(high))
        self.increment = int(increment)

    def _value_in_bounds(self, value) -> bool:
        low, high = self.bounds
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            return False
        return low <= value <= high and (value - low) % self.increment == 0

    def uniform_random_value(self, rng=None) -> int:
        low, high = self.bounds
        steps = (high - low) // self.increment
        return int(low + self.increment * _rng(rng).integers(0, steps + 1))

    @property
    def encoding_size(self) -> int:
        return 1 + int(self.can_be_optional)


class Boolean(ValueType):
    def _value_in_bounds(self, value) -> bool:
        return isinstance(value, (bool, np.bool_))

    def uniform_random_value(self, rng=None) -> bool:
        return bool(_rng(rng).integers(0, 2))

    @property
    def encoding_size(self) -> int:
        return 1 + int(self.can_be_optional)


class Categorical(ValueType):
    """One of a fixed list of values (one-hot encoded)."""

    def __init__(self, values: Sequence[Any], can_be_optional: bool = False):
        super().__init__(can_be_optional)
        if len(values) == 0:
            raise ValueError("Categorical: needs at least one value")
        self.values = list(values)

    def _value_in_bounds(self, value) -> bool:
        return value in self.values

    def uniform_random_value(self, rng=None):
        return self.values[int(_rng(rng).integers(0, len(self.values)))]

    @property
    def encoding_size(self) -> int:
        return len(self.values) + int(self.can_be_optional)


class Continuous(ValueType):
    """A real number in ``[low, high]``."""

    def __init__(self, bounds: Sequence[float], can_be_optional: bool = False):
        super().__init__(can_be_optional)
        low, high = bounds
        if not low <= high:
            raise ValueError(f"Continuous: invalid bounds {bounds!r}")
        self.bounds = (float(low), float(high))

    def _value_in_bounds(self, value) -> bool:
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
            return False
        return self.bounds[0] <= value <= self.bounds[1]

    def uniform_random_value(self, rng=None) -> float:
        return float(_rng(rng).uniform(*self.bounds))

    @property
    def encoding_size(self) -> int:
        return 1 + int(self.can_be_optional)
