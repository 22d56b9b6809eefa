# del with names, attributes, subscripts, tuples and lists.
del x
del x, y
del x, y,
del (x)
del (x, y)
del [x, y]
del obj.attr
del arr[0]
del arr[1:2], arr[::3]
del (a, [b, c.d]), e[f]
