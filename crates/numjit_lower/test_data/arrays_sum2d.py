# lower: f(float64[:, ::1])
# The seed kernel shape: nested loops over a 2-d array, indices from range.
def f(a):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += a[i, j]
    return s
