# infer: f(int64)
def f(n):
    total = 0
    while (k := n - total) > 0:
        total += 1
    return total + k  # revealed: int64
