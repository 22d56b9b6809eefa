# lower: f(int64)
# grid: (3,) (0,)
# run: f(3) -> 2
# run: f(0) raises UnboundLocalError: cannot access local variable 'last' where it is not associated with a value
def f(n):
    for i in range(n):
        last = i
    return last
