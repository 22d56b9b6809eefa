# for over range(start, stop), including empty and negative ranges.


def span(a, b):
    s = 0
    n = 0
    for i in range(a, b):
        s += i
        n += 1
    return s, n


# run: span(3, 7) == (18, 4)
# run: span(-3, 3) == (-3, 6)
# run: span(5, 5) == (0, 0)
# run: span(7, 3) == (0, 0)
# run: span(-10, -7) == (-27, 3)
# run[wrap]: span(9223372036854775805, 9223372036854775807) == (-5, 2)
