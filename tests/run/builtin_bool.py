# bool(x) of int, float, complex, bool and None.


def to_bool(x):
    return bool(x)


# run: to_bool(0) == False
# run: to_bool(-7) == True
# run: to_bool(0.0) == False
# run: to_bool(-0.0) == False
# run: to_bool(nan) == True
# run: to_bool(0j) == False
# run: to_bool(0.5j) == True
# run: to_bool(True) == True
# run: to_bool(None) == False
