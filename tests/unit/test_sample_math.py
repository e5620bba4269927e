import numpy as np
import pytest

from tkpk.contoh.register import bagi_bulat


@pytest.mark.parametrize(
    ("total", "weights"),
    [(10, [1, 1, 1]), (14461, [3.2, 0.1, 7.7, 1e-9]), (0, [1, 2]), (7, [0, 0, 1]), (1, [5, 5])],
)
def test_parts_are_integers_that_add_up_exactly(total, weights):
    parts = bagi_bulat(total, np.array(weights))
    assert parts.dtype.kind == "i"
    assert parts.sum() == total
    assert (parts >= 0).all()


def test_split_is_proportional_and_deterministic():
    parts = bagi_bulat(100, np.array([1.0, 3.0]))
    assert parts.tolist() == [25, 75]
    assert bagi_bulat(10, np.array([1.0, 1.0, 1.0])).tolist() == [4, 3, 3]


def test_zero_weights_give_zero():
    assert bagi_bulat(10, np.array([0.0, 0.0])).tolist() == [0, 0]
