# infer: f(float64)
def f(x):
    k = 3
    def inner(y):
        return y * k + x
    a = inner(2)  # revealed: float64
    return a  # revealed: float64
