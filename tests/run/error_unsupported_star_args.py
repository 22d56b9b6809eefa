# *args and **kwargs parameters.  Numba supports *args as a tuple; numjit's
# scalar spine doesn't (numjit-only).  **kwargs: Numba's dispatcher rejects
# the call with a plain TypeError, not a compile error (numjit-only too).


def count(*args):
    return len(args)


def kw(**kwargs):
    return 1


# compile-error[numjit-only]: [unsupported-construct] count(1, 2)
# compile-error[numjit-only]: [unsupported-construct] kw()
