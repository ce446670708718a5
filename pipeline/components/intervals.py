"""Ranges sorted by start that answer "which of you overlap [a, b)?" in logarithmic time.

The attribution rules look up, for every cue, the quotations and the claimed ranges around it. A
scan from the start of the article for each lookup made their cost quadratic in article length
(issue 15). The lookups here return the same items, in the same order, as the scans they replace,
so the tables do not change. The list must not be changed once it has been queried.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cached_property
from itertools import accumulate
from typing import Any


def _bounds(item: Any) -> tuple[int, int]:
    return (item[0], item[1]) if isinstance(item, tuple) else (item.start, item.end)


class SortedRanges(list):
    """Items sorted by start: (start, end) tuples, or objects with `.start` and `.end`."""

    @cached_property
    def starts(self) -> list[int]:
        return [_bounds(x)[0] for x in self]

    @cached_property
    def _reach(self) -> list[int]:
        """The largest end among the items up to each position (ends are not sorted)."""
        return list(accumulate((_bounds(x)[1] for x in self), max))

    def first_reaching(self, pos: int) -> int:
        """Index of the first item ending after `pos`; every item before it ends at or before."""
        return bisect_right(self._reach, pos)

    def from_reaching(self, pos: int) -> Iterator[Any]:
        """The items in order, skipping the leading ones that end at or before `pos`."""
        for i in range(self.first_reaching(pos), len(self)):
            yield self[i]

    def overlapping(self, start: int, end: int) -> list[Any]:
        """The items that overlap [start, end), in order."""
        out = []
        for i in range(self.first_reaching(start), bisect_left(self.starts, end)):
            if _bounds(self[i])[1] > start:
                out.append(self[i])
        return out

    def overlaps(self, start: int, end: int) -> bool:
        return bool(self.overlapping(start, end))

    def containing(self, start: int, end: int) -> Any | None:
        """The first item that contains [start, end), if any."""
        i = bisect_left(self._reach, end)  # the first item ending at or after `end`
        if i < len(self) and self.starts[i] <= start:
            return self[i]
        return None

    def starting_at(self, pos: int) -> bool:
        i = bisect_left(self.starts, pos)
        return i < len(self) and self.starts[i] == pos

    def first_starting_from(self, pos: int) -> Any | None:
        i = bisect_left(self.starts, pos)
        return self[i] if i < len(self) else None


def sorted_ranges(items: list) -> SortedRanges:
    """`items` (sorted by start) as SortedRanges, without copying when they already are."""
    return items if isinstance(items, SortedRanges) else SortedRanges(items)
