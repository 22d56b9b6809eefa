# lower: f(int64, int64)
# error_model: numpy
def f(a, b):
    x = 1.0 / b
    return a // b + a % b, x
