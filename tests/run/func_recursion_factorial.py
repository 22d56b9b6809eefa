# Self recursion with a base case.


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def fact_float(x):
    if x <= 1.0:
        return 1.0
    return x * fact_float(x - 1.0)


# run: fact(0) == 1
# run: fact(1) == 1
# run: fact(10) == 3628800
# run: fact(20) == 2432902008176640000
# run: fact_float(20.0) == 2.43290200817664e+18
# run[wrap]: fact(21) == -4249290049419214848
