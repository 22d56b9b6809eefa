#!/usr/bin/env python3
# -*- coding: utf-8 -*-
# Comments everywhere: own lines, trailing, inside brackets, at odd indentation, and type comments.

x = 1  # trailing comment
# comment at column 0

def f(a,  # comment after a parameter
      b):  # type: (int, int) -> int
    # comment inside the body
        # comment at a deeper indentation does not open a block
    y = [  # after an opening bracket
        1,  # after an item
        # on its own line inside brackets
        2,
    ]  # after the closing bracket
# comment at column 0 inside the body's extent
    return y  # type: ignore

z = 2  # type: int
w = []  # type: List[int]
for i in range(3):  # type: int
    pass
with open(p) as fh:  # type: IO[str]
    pass
#
#no space after hash
