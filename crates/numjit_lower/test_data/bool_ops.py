# lower: f(bool, bool)
# grid: (True, False) (True, True)
# run: f(True, False) -> (False, True, True, -2, False)
# run: f(True, True) -> (True, True, False, -2, False)
# numba: f(True, False) -> (False, True, True, False, False)
# numba: f(True, True) -> (True, True, False, False, False)
def f(p, q):
    return p & q, p | q, p ^ q, ~p, not p
