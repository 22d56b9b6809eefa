# Tuple equality and lexicographic ordering; `in` on tuples.


def eq(a, b):
    return a == b


def lt(a, b):
    return a < b


def contains(t, v):
    return v in t, v not in t


# run: eq((1, 2, 3), (1, 2, 3)) == True
# run: eq((1, 2), (1, 2, 3)) == False
# run: eq((1, 2.0), (1.0, 2)) == True
# run: lt((1, 2, 3), (1, 2, 4)) == True
# run: lt((1, 2), (1, 2, 0)) == True
# run: lt((2, 0), (1, 9)) == False
# run: contains((1, 2, 3), 2) == (True, False)
# run: contains((1, 2, 3), 5) == (False, True)
# run: contains((1.5, 2.5), 2.5) == (True, False)
