# lower: f(int64)
# A callee's exception cannot pass through a finally block with no handler around it:
# the IR's call propagates at once. (Numba 0.68.1 fails here with an internal error.)
def g(x):
    if x < 0:
        raise ValueError("neg")
    return x
def f(x):
    s = 0
    try:
        s = g(x)
    finally:
        s += 1
    return s
