# lower: f(int64)
def f(n):
    i = 0
    s = 0
    while i < n:
        s += i
        i += 1
    return s
