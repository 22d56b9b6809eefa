# The seed's "keep dtypes stable": one function called with int and then
# float arguments is compiled once per signature and gives each its result.


def numba_like(x, y):
    total = 0
    for i in range(x):
        total += i * y
    return total


# run: numba_like(10, 2) == 90
# run: numba_like(10, 2.0) == 90.0
# run: numba_like(10, 2) == 90
