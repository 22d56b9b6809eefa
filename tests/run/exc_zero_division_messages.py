# ZeroDivisionError messages, worded exactly as CPython 3.11 words them.
# (Numba words some differently; numjit follows CPython.)


def div(a, b):
    return a / b


def fdiv(a, b):
    return a // b


def mod(a, b):
    return a % b


# run: div(1, 0) raises ZeroDivisionError: division by zero
# run: div(1.0, 0.0) raises ZeroDivisionError: float division by zero
# run: div(1, 0.0) raises ZeroDivisionError: float division by zero
# run: fdiv(1, 0) raises ZeroDivisionError: integer division or modulo by zero
# run: fdiv(1.0, 0.0) raises ZeroDivisionError: float floor division by zero
# run: mod(1, 0) raises ZeroDivisionError: integer modulo by zero
# run: mod(1.0, 0.0) raises ZeroDivisionError: float modulo
