# lambda with every parameter kind and in various positions.
f = lambda: 0
f = lambda x: x
f = lambda x, y=1: x + y
f = lambda *args, **kwargs: (args, kwargs)
f = lambda a, /, b, *, c: a
f = lambda *, key=None: key
f = lambda a, b=2, /, c=3, *d, e, f=4, **g: 0
f = lambda x: lambda y: x + y
f = lambda x: (yield)
f = lambda: (x := 1)
key = sorted(xs, key=lambda item: item[1])
g = lambda x: x if x else -x
h = (lambda: 1)()
cond = lambda x: 1 if x else lambda: 2
