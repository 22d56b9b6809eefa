# divmod on ints: floor quotient and divisor-signed remainder.


def dm(a, b):
    return divmod(a, b)


# run: dm(7, 3) == (2, 1)
# run: dm(-7, 3) == (-3, 2)
# run: dm(7, -3) == (-3, -2)
# run: dm(-7, -3) == (2, -1)
# run: dm(0, 5) == (0, 0)
# run: dm(-9223372036854775808, 7) == (-1317624576693539402, 6)
# run: dm(7, 0) raises ZeroDivisionError: integer division or modulo by zero
