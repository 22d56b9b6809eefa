# Negative exponents: float results for floats; for int ** negative int
# CPython returns a float while Numba keeps int64 and truncates, so those
# lines are numba-semantics.


def power(a, b):
    return a ** b


# run: power(2.0, -1) == 0.5
# run: power(2.0, -2.0) == 0.25
# run: power(-2.0, -3) == -0.125
# run: power(10, -2.0) == 0.01
# float ** float goes to pow() in Numba, which gives inf for 0.0 ** -1.0;
# CPython raises ZeroDivisionError.  (float ** int raises in both.)
# run[numba-semantics]: power(0.0, -1.0) == inf
# run: power(0.0, -2) raises ZeroDivisionError: 0.0 cannot be raised to a negative power
# Numba types int ** int as int64 and truncates a negative power towards 0
# (2 ** -1 == 0); CPython returns 0.5.
# run[numba-semantics]: power(2, -1) == 0
# run[numba-semantics]: power(1, -5) == 1
# run[numba-semantics]: power(-1, -3) == -1
# CPython: 0 ** -1 raises ZeroDivisionError "0.0 cannot be raised to a
# negative power" (float), Numba the same class with an int wording.
# run: power(0, -1) raises ZeroDivisionError
