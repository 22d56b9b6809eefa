# Unbounded recursion raises RecursionError (numjit checks a depth limit in
# recursive functions; Numba overflows the stack and crashes: numjit-only).


def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


def ping(n):
    if n == -1:
        return 0
    return pong(n + 1)


def pong(n):
    return ping(n + 1) + 1


# run: down(50) == 50
# run[numjit-only]: down(-1) raises RecursionError
# run[numjit-only]: ping(0) raises RecursionError
