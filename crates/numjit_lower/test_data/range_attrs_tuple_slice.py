# lower: f(int64)
# grid: (10,) (0,) (-3,)
# run: f(10) -> (1, 10, 2, 1, 9, (4,), (5, 6), 1)
# run: f(0) raises ValueError: min() arg is an empty sequence
def f(n):
    r = range(1, n, 2)
    t = (n, 2.5, 4, 5, 6)
    return r.start, r.stop, r.step, min(r), max(r), t[2:0:-2], t[-2:], t.index(2.5)
