# Every parameter kind: positional-only, positional-or-keyword, *args, keyword-only, **kwargs.
def f0(): pass
def f1(a): pass
def f2(a, b, c): pass
def f3(a, b=1, c=2): pass
def f4(a, /): pass
def f5(a, b, /, c, d): pass
def f6(a, b=1, /, c=2, *, d, e=3, **kwargs): pass
def f7(*args): pass
def f8(*args, **kwargs): pass
def f9(*, a, b=1): pass
def f10(a, *, b): pass
def f11(a=1, /, b=2, *args, c, d=4, **kw): pass
def f12(a, /, *, b): pass
def f13(**kwargs): pass
def f14(a, b=1, *args, c=2, d, **kw,): pass
def f15(
    a,
    b,
    /,
    c,
    *,
    d,
): pass
def f16(a=lambda x: x, b=[], c={}, d=(1, 2)): pass
def f17(a, /, b, *, c): pass
