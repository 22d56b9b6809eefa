# lower: is_even(int64)
# grid: (10,) (7,)
# run: is_even(10) -> True
# run: is_even(7) -> False
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)
def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)
