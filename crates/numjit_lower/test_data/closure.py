# lower: f(int64)
# grid: (4,)
# run: f(4) -> 23
def f(x):
    k = 3
    def add(y):
        return y + k
    sq = lambda z: z * z
    return add(x) + sq(x)
