# Dict and set comprehensions, and generator expressions.  Numba supports
# the dict comprehension (typed dict), so that line is numjit-only.


def d(n):
    return {i: i for i in range(n)}


def s(n):
    return {i for i in range(n)}


def g(n):
    return sum(i for i in range(n))


# compile-error[numjit-only]: [unsupported-construct] d(3)
# compile-error: [unsupported-construct] s(3)
# compile-error: [unsupported-construct] g(3)
