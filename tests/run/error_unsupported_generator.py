# Generator functions.  Numba compiles generators, but the language
# list has no generators for numjit's scalar spine: numjit-only.


def gen(n):
    for i in range(n):
        yield i


# compile-error[numjit-only]: [unsupported-construct] gen(3)
