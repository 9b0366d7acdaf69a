"""Grouping items that are linked two by two (connected components, union-find)."""

from __future__ import annotations

from collections.abc import Callable


def connected_groups(n: int, linked: Callable[[int, int], bool]) -> list[list[int]]:
    """Groups of the indexes 0..n-1 where `linked(i, j)` (i < j) joins i and j, transitively.

    Groups are ordered by their smallest member, members in increasing order."""
    parent = list(range(n))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i in range(n):
        for j in range(i + 1, n):
            if linked(i, j):
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for k in range(n):
        groups.setdefault(find(k), []).append(k)
    return list(groups.values())
