# infer: f(int64)
def f(n):
    t = ((((((((((n,),),),),),),),),),)  # revealed: UniTuple(UniTuple(UniTuple(UniTuple(UniTuple(UniTuple(UniTuple(UniTuple(UniTuple(UniTuple(int64 x 1) x 1) x 1) x 1) x 1) x 1) x 1) x 1) x 1) x 1)
    return t[0][0][0][0][0][0][0][0][0][0]  # revealed: int64
