"""Schema value types: bounds, uniform sampling from an explicit generator, encodings."""
import numpy as np
import pytest

from schema_types import Boolean, Categorical, Continuous, Discrete


def test_discrete_draws_exclude_the_upper_bound_as_the_original():
    """The original draws ``low + increment * randint(0, ceil((high - low) / increment))``: the upper
    bound is in bounds (morphs reach it) but never drawn."""
    t = Discrete((3, 7), increment=2)
    rng = np.random.default_rng(0)
    values = [t.uniform_random_value(rng) for _ in range(3000)]
    assert set(values) == {3, 5} and abs(values.count(3) / 3000 - 0.5) < 0.05
    assert t.value_in_bounds(7)
    assert {Discrete((1, 10)).uniform_random_value(rng) for _ in range(3000)} == set(range(1, 10))
    assert {Discrete((2, 6), increment=2).uniform_random_value(rng) for _ in range(300)} == {2, 4}
    assert all(t.value_in_bounds(v) for v in values)
    assert not t.value_in_bounds(4) and not t.value_in_bounds(9) and not t.value_in_bounds(True)
    assert not t.value_in_bounds(None)


def test_original_constructor_signatures_and_encoding_size_method():
    d = Discrete("conv0-l0-ker-size", bounds=(3, 7), increment=2, can_be_optional=True)
    assert d.name == "conv0-l0-ker-size" and d.bounds == (3, 7) and d.increment == 2
    assert d.encoding_size() == d.encoding_size == 2
    c = Categorical("conv0-l0-type", values=["Conv2D", "1x1Conv2D", "DWConv2D"])
    assert c.name == "conv0-l0-type" and c.encoding_size() == 3
    assert Boolean("pool-is-avg", can_be_optional=True).encoding_size() == 2
    assert Continuous("lr", bounds=(0.0, 1.0)).name == "lr"


def test_boolean_is_a_fair_coin():
    rng = np.random.default_rng(3)
    assert abs(sum(Boolean().uniform_random_value(rng) for _ in range(4000)) / 4000 - 0.5) < 0.03


def test_optional_values_accept_none_and_widen_encoding():
    assert Discrete((1, 3), can_be_optional=True).value_in_bounds(None)
    assert Categorical(["max", "avg"], can_be_optional=True).encoding_size == 3
    assert Categorical(["max", "avg"]).encoding_size == 2
    assert Boolean().encoding_size == 1 and Continuous((0, 1), can_be_optional=True).encoding_size == 2


def test_sampling_is_reproducible_with_a_seeded_generator():
    types = [Discrete((1, 128)), Boolean(), Categorical(["a", "b", "c"]), Continuous((0.0, 1.0))]
    draw = lambda seed: [t.uniform_random_value(np.random.default_rng(seed)) for t in types]
    assert draw(42) == draw(42)


def test_categorical_and_continuous_bounds():
    c = Categorical(["Conv2D", "1x1Conv2D", "DWConv2D"])
    assert c.value_in_bounds("DWConv2D") and not c.value_in_bounds("Dense")
    r = Continuous((0.0, 0.5))
    rng = np.random.default_rng(1)
    assert all(r.value_in_bounds(r.uniform_random_value(rng)) for _ in range(100))
    assert not r.value_in_bounds(0.6) and not r.value_in_bounds("0.1")


@pytest.mark.parametrize("make", [lambda: Discrete((5, 1)), lambda: Discrete((1, 5), increment=0),
                                  lambda: Categorical([]), lambda: Continuous((1.0, 0.0))])
def test_invalid_definitions_are_rejected(make):
    with pytest.raises(ValueError):
        make()
