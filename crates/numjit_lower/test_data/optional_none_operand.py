# lower: f(int64, int64)
# grid: (0, 1) (1, 1) (0, 0) (1, 0)
# run: f(0, 1) raises TypeError: unsupported operand type(s) for *: 'int' and 'NoneType'
# run: f(1, 1) raises TypeError: bad operand type for unary -: 'NoneType'
# run: f(0, 0) -> 13.5
# run: f(1, 0) raises TypeError: unsupported operand type(s) for *: 'NoneType' and 'float'
def f(c, d):
    x = None if c else 3
    y = None if d else 4.5
    if c and d:
        return -x
    return x * y
