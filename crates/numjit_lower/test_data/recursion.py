# lower: fib(int64)
# grid: (0,) (1,) (10,)
# run: fib(0) -> 0
# run: fib(1) -> 1
# run: fib(10) -> 55
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
