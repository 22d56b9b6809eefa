# infer: f(float64)
def f(x):
    s = 0.0
    for v in (x, 1):  # error: [unsupported-construct]
        s += v
    return s
