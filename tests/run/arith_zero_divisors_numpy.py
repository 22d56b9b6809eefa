# Division by zero under error_model='numpy': no exception, IEEE results for
# floats and 0 for integer `//` and `%`.  CPython always raises here, so every
# zero-divisor line is numba-semantics (checked against Numba only).


def div(a, b):
    return a / b


def fdiv(a, b):
    return a // b


def mod(a, b):
    return a % b


# The numpy error model returns IEEE values instead of raising.
# run[error_model=numpy, numba-semantics]: div(1.0, 0.0) == inf
# run[error_model=numpy, numba-semantics]: div(-1.0, 0.0) == -inf
# run[error_model=numpy, numba-semantics]: div(0.0, 0.0) == nan
# run[error_model=numpy, numba-semantics]: div(1, 0) == inf
# run[error_model=numpy, numba-semantics]: div(-3, 0) == -inf
# Integer // and % by zero give 0 under the numpy error model.
# run[error_model=numpy, numba-semantics]: fdiv(7, 0) == 0
# run[error_model=numpy, numba-semantics]: mod(7, 0) == 0
# Float // by zero is inf/-inf/nan, % by zero is nan.
# run[error_model=numpy, numba-semantics]: fdiv(7.0, 0.0) == inf
# run[error_model=numpy, numba-semantics]: fdiv(-7.0, 0.0) == -inf
# run[error_model=numpy, numba-semantics]: mod(7.0, 0.0) == nan
# Non-zero divisors behave the same under both error models.
# run[error_model=numpy]: div(7, 2) == 3.5
# run[error_model=numpy]: fdiv(-7, 2) == -4
# run[error_model=numpy]: mod(-7, 2) == 1
# run[error_model=numpy]: mod(-7.5, 2.0) == 0.5
