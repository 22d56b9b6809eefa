# Closures over local variables of the enclosing function (inlined).


def scale_all(t, k):
    def scale(v):
        return v * k
    return scale(t[0]), scale(t[1])


def make_offset(n):
    base = n * 10

    def add_base(v):
        return v + base
    s = 0
    for i in range(3):
        s += add_base(i)
    return s


def lambda_closure(x, k):
    f = lambda v: v * k + 1
    return f(x) + f(x + 1)


# run: scale_all((1, 2), 3) == (3, 6)
# run: scale_all((1.5, 2.5), 2) == (3.0, 5.0)
# run: make_offset(2) == 63
# run: lambda_closure(2, 3) == 17
