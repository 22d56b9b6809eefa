# Numba's try/except catches only `except:` and `except Exception:`; a
# specific class and binding the exception (`as e`) are rejected.


def specific(x):
    try:
        r = 10 // x
    except ZeroDivisionError:
        r = -1
    return r


def bound(x):
    try:
        r = 10 // x
    except Exception as e:
        r = -1
    return r


# compile-error: [unsupported-construct] specific(0)
# compile-error: [unsupported-construct] bound(0)
