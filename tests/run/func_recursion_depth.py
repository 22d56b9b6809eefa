# Very deep and unbounded recursion raise RecursionError instead of
# overflowing the stack.  Numba has no depth check and dies with a stack
# overflow (SIGSEGV) on these, so they are numjit-only.  Moderate depths
# work everywhere.


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def forever(n):
    if n < 0:
        return 0
    return forever(n + 1) + 1


# run: depth(100) == 100
# run: depth(500) == 500
# run[numjit-only]: depth(10000000) raises RecursionError
# run[numjit-only]: forever(0) raises RecursionError
