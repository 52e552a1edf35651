"""The CPU slowdown the Lighthouse gate calibrates to each run's host (scripts/lighthouse_run.py)."""

from __future__ import annotations

import pytest

from lighthouse_run import DEFAULT_MULTIPLIER, TARGET_BENCHMARK_INDEX, multiplier


def test_a_host_at_the_bottom_of_the_bracket_lighthouses_4x_is_tuned_for_gets_4x():
    assert multiplier(1500) == DEFAULT_MULTIPLIER


@pytest.mark.parametrize("benchmark_index", [400, 950, 1041, 1337, 1500, 1933.5, 2600])
def test_every_host_simulates_the_same_phone(benchmark_index):
    # host speed / slowdown is the phone's speed, whatever the host (to the multiplier's two decimals)
    assert benchmark_index / multiplier(benchmark_index) == pytest.approx(TARGET_BENCHMARK_INDEX, rel=0.01)


def test_a_slower_host_gets_less_slowdown_and_a_faster_one_more_than_lighthouses_default():
    assert multiplier(950) == 2.53
    assert multiplier(1900) > DEFAULT_MULTIPLIER


def test_a_host_slower_than_the_phone_is_never_sped_up():
    assert multiplier(200) == 1.0
    assert multiplier(0) == 1.0
