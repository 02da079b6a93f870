"""Free variables of a search space.

A search space describes its architectures as a flat schema: a mapping from names such as
``conv0-l1-filters`` to value types. The types know their bounds and draw random values the way
the original μNAS draws them: a ``Discrete`` value is drawn from ``ceil((high - low) / increment)``
grid points starting at ``low`` (so the upper bound itself is never drawn; morphs may still reach it,
and ``value_in_bounds`` accepts it), a ``Boolean`` is a fair coin, a ``Categorical`` a uniform choice,
a ``Continuous`` value uniform on ``[low, high)``.

Each type takes an optional ``name`` first, as the original's constructors do
(``Discrete("num-conv-blocks", bounds=(1, 10))``); ``Discrete((1, 10))`` works too. Randomness comes
from the ``np.random.Generator`` passed in (a fresh unseeded one when none is given), so a seeded
search is reproducible.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from math import ceil
from typing import Any, Sequence

import numpy as np


def _rng(rng: np.random.Generator | None) -> np.random.Generator:
    return rng if rng is not None else np.random.default_rng()


class EncodingSize(int):
    """An int that can also be called: ``t.encoding_size`` (this project) == ``t.encoding_size()``
    (the original's method)."""

    def __call__(self) -> int:
        return int(self)


def _split_name(args: tuple, kwargs: dict, positional: Sequence[str]) -> tuple:
    """Accept the original's ``(name, ...)`` signature and this project's name-less one."""
    name = kwargs.pop("name", None)
    if args and isinstance(args[0], str) and name is None:
        name, args = args[0], args[1:]
    if len(args) > len(positional):
        raise TypeError(f"too many positional arguments: {args!r}")
    kwargs.update(zip(positional, args))
    return name, kwargs


class ValueType(ABC):
    """One free variable. ``can_be_optional`` means the value may be absent (``None``)."""

    def __init__(self, name: str | None = None, size: int = 1, can_be_optional: bool = False):
        self.name = name
        self.size = size
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
        """A random value, drawn as the original μNAS draws it (see the module docstring)."""

    @property
    def encoding_size(self) -> EncodingSize:
        """How many numbers encode a value (plus one presence flag when optional)."""
        return EncodingSize(self.size + int(self.can_be_optional))

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"


class Discrete(ValueType):
    """An integer in ``[low, high]`` (inclusive) on the grid ``low + k * increment``."""

    def __init__(self, *args, **kwargs):
        name, kw = _split_name(args, kwargs, ("bounds", "increment", "can_be_optional"))
        bounds, increment = kw["bounds"], kw.get("increment", 1)
        super().__init__(name, 1, kw.get("can_be_optional", False))
        low, high = bounds
        if increment < 1 or low > high:
            raise ValueError(f"Discrete {name or ''}: invalid bounds {bounds!r} / increment {increment!r}")
        self.bounds = (int(low), int(high))
        self.increment = int(increment)

    def _value_in_bounds(self, value) -> bool:
        low, high = self.bounds
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
            return False
        return low <= value <= high and (value - low) % self.increment == 0

    def uniform_random_value(self, rng=None) -> int:
        low, high = self.bounds
        choices = max(1, ceil((high - low) / self.increment))   # the upper bound is excluded
        return int(low + self.increment * _rng(rng).integers(0, choices))


class Boolean(ValueType):
    def __init__(self, *args, **kwargs):
        name, kw = _split_name(args, kwargs, ("can_be_optional",))
        super().__init__(name, 1, kw.get("can_be_optional", False))

    def _value_in_bounds(self, value) -> bool:
        return isinstance(value, (bool, np.bool_))

    def uniform_random_value(self, rng=None) -> bool:
        return bool(_rng(rng).random() < 0.5)


class Categorical(ValueType):
    """One of a fixed list of values (one-hot encoded)."""

    def __init__(self, *args, **kwargs):
        name, kw = _split_name(args, kwargs, ("values", "can_be_optional"))
        values = list(kw["values"])
        if len(values) == 0:
            raise ValueError(f"Categorical {name or ''}: needs at least one value")
        super().__init__(name, len(values), kw.get("can_be_optional", False))
        self.values = values

    def _value_in_bounds(self, value) -> bool:
        return value in self.values

    def uniform_random_value(self, rng=None):
        return self.values[int(_rng(rng).integers(0, len(self.values)))]


class Continuous(ValueType):
    """A real number in ``[low, high]``."""

    def __init__(self, *args, **kwargs):
        name, kw = _split_name(args, kwargs, ("bounds", "can_be_optional"))
        low, high = kw["bounds"]
        if not low <= high:
            raise ValueError(f"Continuous {name or ''}: invalid bounds {kw['bounds']!r}")
        super().__init__(name, 1, kw.get("can_be_optional", False))
        self.bounds = (float(low), float(high))

    def _value_in_bounds(self, value) -> bool:
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
            return False
        return self.bounds[0] <= value <= self.bounds[1]

    def uniform_random_value(self, rng=None) -> float:
        low, high = self.bounds
        return float((high - low) * _rng(rng).random() + low)
