# lower: f(int64)
# grid: (5,) (-1,) (0,) (1,)
# run: f(5) -> 5
# run: f(-1) raises ValueError: negative
# run: f(0) raises ZeroDivisionError: 
# run: f(1) raises RuntimeError: ('bad', 1)
def f(x):
    if x < 0:
        raise ValueError("negative")
    if x == 0:
        raise ZeroDivisionError
    if x == 1:
        raise RuntimeError("bad", 1)
    return x
