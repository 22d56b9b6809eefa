# lower: f(int64)
# grid: (1,) (0,) (3,)
# run: f(1) -> 1
# run: f(0) raises AssertionError: x must be positive
# run: f(3) raises AssertionError: 
def f(x):
    assert x > 0, "x must be positive"
    assert x != 3
    return x
