"""Cost-growth checks shared by the linear-cost tests.

A test that only compares two wall-clock times fails on a shared machine whenever the small run
happens to be the lucky one. These helpers take the best of a few CPU-time runs per size and
compare the growth with a bound that separates linear from quadratic cost: for 4x the input a
linear pass costs about 4x, a quadratic one 16x, and `QUADRATIC_BOUND` sits between the two with
room for noise.
"""

from __future__ import annotations

import time
from collections.abc import Callable

QUADRATIC_BOUND = 9.0


def best_cpu_seconds(run: Callable[[], object], repeats: int = 3) -> float:
    """The smallest process CPU time of `repeats` calls of `run` (noise only ever adds time)."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    return max(best, 1e-3)


def growth(run_at: Callable[[int], object], small: int, large: int, repeats: int = 3) -> dict:
    """Best CPU seconds at two sizes and their ratio, for an assertion message."""
    seconds = {n: best_cpu_seconds(lambda n=n: run_at(n), repeats) for n in (small, large)}
    return {**seconds, "ratio": seconds[large] / seconds[small]}
