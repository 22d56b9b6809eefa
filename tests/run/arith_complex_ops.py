# complex128 arithmetic and its promotion from int/float.


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def power(a, b):
    return a ** b


def norm2(z):
    return (z * z.conjugate()).real


def eq(a, b):
    return a == b, a != b


# run: add(1+2j, 3-1j) == (4+1j)
# run: add(1+2j, 2) == (3+2j)
# run: add(0.5, 1j) == (0.5+1j)
# run: sub(1+2j, 1+2j) == 0j
# run: mul(1+2j, 3+4j) == (-5+10j)
# run: mul(2j, 2j) == (-4+0j)
# run: mul(1.5, 2-2j) == (3-3j)
# run: norm2(3+4j) == 25.0
# run: power(1j, 2) == (-1+0j)
# run: power(2+0j, 0.5) ~= (1.4142135623730951+0j)
# run: power(1+1j, 1+1j) ~= (0.2739572538301211+0.5837007587586147j)
# run: eq(1+0j, 1) == (True, False)
# run: eq(1+1j, 1) == (False, True)
