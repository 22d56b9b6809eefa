# lower: f(int64)
def f(n):
    total = 0.0
    for i in range(n):
        total += i * 0.5
    return total
