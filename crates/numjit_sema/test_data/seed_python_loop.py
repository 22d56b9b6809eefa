# infer: f(int64)
def f(n):
    acc = 0.0
    for i in range(n):
        if i % 3 == 0:
            acc += i * 0.5
        elif i % 3 == 1:
            acc -= i
        else:
            acc *= 1.0001
    return acc  # revealed: float64
