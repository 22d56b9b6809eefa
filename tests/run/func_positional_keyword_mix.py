# Argument binding errors that CPython raises at call time from Python code:
# too many, too few, unknown keyword.  (Inside compiled code these are
# compile errors; see error_wrong_arguments.py.)


def three(a, b, c=0):
    return a + b + c


# run: three(1, 2) == 3
# run: three(1, 2, 3) == 6
# run: three(1, c=5, b=2) == 8
# run: three(c=1, b=2, a=3) == 6
