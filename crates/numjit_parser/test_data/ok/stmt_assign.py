# Assignment: single, chained, tuple/list targets, starred, attributes, subscripts.
x = 1
x = y = z = 0
a, b = b, a
(a, b) = 1, 2
[a, b] = [1, 2]
a, *rest = items
*init, last = items
first, *middle, last = items
[a, [b, c], (d, *e)] = nested
obj.attr = 1
obj.a.b.c = 2
arr[0] = 3
arr[i, j] = 4
arr[1:2] = [5]
arr[::2, ...] = 0
f().x = g()[0] = 5
x = yield_value = (yield)
x, = single
() = []
[] = ()
a = b = *c, d
