# lower: f(int64)
# grid: (2,)
# run: f(2) -> 23.5
N = 10
SCALE = (2, 3.5)
def f(x):
    return x * N + SCALE[1]
