# Doubly recursive Fibonacci and a memo-free tree recursion.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def count_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return count_paths(r - 1, c) + count_paths(r, c - 1)


# run: fib(0) == 0
# run: fib(1) == 1
# run: fib(20) == 6765
# run: count_paths(5, 5) == 252
