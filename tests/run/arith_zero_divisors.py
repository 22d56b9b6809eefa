# Division by zero under the default error_model='python': ZeroDivisionError
# with CPython's message for every operator and operand kind.


def div(a, b):
    return a / b


def fdiv(a, b):
    return a // b


def mod(a, b):
    return a % b


def dm(a, b):
    return divmod(a, b)


def idiv(a, b):
    a /= b
    return a


def ifdiv(a, b):
    a //= b
    return a


def imod(a, b):
    a %= b
    return a


# run: div(1, 0) raises ZeroDivisionError: division by zero
# run: div(1.5, 0) raises ZeroDivisionError: float division by zero
# run: div(1, 0.0) raises ZeroDivisionError: float division by zero
# run: fdiv(1, 0) raises ZeroDivisionError: integer division or modulo by zero
# run: fdiv(1.5, 0.0) raises ZeroDivisionError: float floor division by zero
# run: mod(1, 0) raises ZeroDivisionError: integer modulo by zero
# run: mod(1.5, 0.0) raises ZeroDivisionError: float modulo
# run: dm(1, 0) raises ZeroDivisionError: integer division or modulo by zero
# run: dm(1.5, 0.0) raises ZeroDivisionError: float divmod()
# run: idiv(3, 0) raises ZeroDivisionError: division by zero
# run: ifdiv(3, 0) raises ZeroDivisionError: integer division or modulo by zero
# run: imod(3, 0) raises ZeroDivisionError: integer modulo by zero
# run: div(0, 0) raises ZeroDivisionError
# run: fdiv(-9223372036854775808, 0) raises ZeroDivisionError
