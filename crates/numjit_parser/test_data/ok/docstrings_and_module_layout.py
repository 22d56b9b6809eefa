"""A realistic small module: docstring, imports, constants, functions, a class, a main guard."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Iterator

__all__ = ["Grid", "main"]
DEFAULT_SIZE: int = 8


@dataclass
class Grid:
    """A grid of cells."""

    width: int = DEFAULT_SIZE
    height: int = DEFAULT_SIZE
    cells: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.cells:
            self.cells = [[0] * self.width for _ in range(self.height)]

    def __iter__(self) -> Iterator[tuple[int, int, int]]:
        for y, row in enumerate(self.cells):
            for x, value in enumerate(row):
                yield x, y, value

    def __repr__(self) -> str:
        return f"Grid({self.width}x{self.height})"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        size = int(argv[0]) if argv else DEFAULT_SIZE
    except ValueError as exc:
        print(f"bad size: {exc}", file=sys.stderr)
        return 2
    grid = Grid(size, size)
    print(sum(v for _, _, v in grid))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
