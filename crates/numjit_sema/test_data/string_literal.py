# infer: f(int64)
def f(n):
    s = "hello"  # revealed: unicode_type
    print(s, n)
    return len(s)  # revealed: int64
