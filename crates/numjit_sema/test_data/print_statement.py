# infer: f(int64, float64)
def f(n, x):
    print("n =", n, "x =", x)  # revealed: none
    print()
    return n  # revealed: int64
