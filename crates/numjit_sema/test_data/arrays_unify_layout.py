# infer: f(float64[:, ::1], float64[::1, :], bool)
def f(a, b, flag):
    if flag:
        c = a
    else:
        c = b
    d = c  # revealed: array(float64, 2d, A)
    e = a if flag else b  # revealed: array(float64, 2d, A)
    return d[0]  # revealed: array(float64, 1d, A)
