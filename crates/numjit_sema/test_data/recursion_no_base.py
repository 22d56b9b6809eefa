# infer: f(int64)
def f(n):  # error: [recursion-without-base-case]
    return f(n - 1) + 1
