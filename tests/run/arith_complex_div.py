# complex `/`, and division of complex by zero.


def div(a, b):
    return a / b


# run: div(1+2j, 3+4j) ~= (0.44+0.08j)
# run: div(4+2j, 2) == (2+1j)
# run: div(1, 1j) == complex(0.0, -1.0)
# run: div(1e300+1e300j, 1e300+1e300j) ~= (1+0j)
# run: div(1+1j, 0j) raises ZeroDivisionError: complex division by zero
# run: div(1+1j, 0) raises ZeroDivisionError
