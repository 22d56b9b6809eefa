# infer: f(int64)
def f(a):
    a = (a, a)  # revealed: UniTuple(int64 x 2)
    return a  # revealed: UniTuple(int64 x 2)
