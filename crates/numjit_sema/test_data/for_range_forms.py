# infer: f(int64)
def f(n):
    total = 0
    for i in range(n):  # revealed: int64
        total += i
    for j in range(1, n):  # revealed: int64
        total += j
    for k in range(n, 0, -1):  # revealed: int64
        total -= k
    return total  # revealed: int64
