# Raising the common builtin exception classes.


def pick(k):
    if k == 0:
        raise ValueError("v")
    elif k == 1:
        raise TypeError("t")
    elif k == 2:
        raise IndexError("i")
    elif k == 3:
        raise KeyError("k")
    elif k == 4:
        raise RuntimeError("r")
    elif k == 5:
        raise ArithmeticError("a")
    elif k == 6:
        raise ZeroDivisionError("z")
    elif k == 7:
        raise NotImplementedError("n")
    elif k == 8:
        raise AssertionError("s")
    elif k == 9:
        raise Exception("e")
    return k


# run: pick(0) raises ValueError: v
# run: pick(1) raises TypeError: t
# run: pick(2) raises IndexError: i
# run: pick(3) raises KeyError
# run: pick(4) raises RuntimeError: r
# run: pick(5) raises ArithmeticError: a
# run: pick(6) raises ZeroDivisionError: z
# run: pick(7) raises NotImplementedError: n
# run: pick(8) raises AssertionError: s
# run: pick(9) raises Exception: e
# run: pick(10) == 10
