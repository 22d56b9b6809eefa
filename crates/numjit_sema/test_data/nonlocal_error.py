# infer: f(int64)
def f(n):
    c = 0
    def bump():
        nonlocal c  # error: [unsupported-construct]
        c += 1
    bump()
    return c
