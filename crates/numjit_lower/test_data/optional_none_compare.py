# lower: f(int64, int64)
# grid: (0, 1) (1, 1) (1, 0) (0, 3)
# run: f(0, 1) -> False
# run: f(1, 1) raises TypeError: '<' not supported between instances of 'NoneType' and 'int'
# run: f(1, 0) -> False
# run: f(0, 3) -> True
def f(c, v):
    x = None if c else 3
    return (1, x) < (v, 2)
