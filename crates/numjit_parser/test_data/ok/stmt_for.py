# for loops: targets, iterables, else clauses.
for x in xs:
    pass
for i, x in enumerate(xs):
    pass
for (i, x) in enumerate(xs):
    pass
for [a, b] in pairs:
    pass
for a, *rest in rows:
    pass
for obj.attr in xs:
    pass
for arr[0] in xs:
    pass
for x in a, b, c:
    pass
for x in *a, *b:
    pass
for x, in singles:
    pass
for x in range(10):
    if x == 5:
        break
else:
    never_broke()
for i in range(3): total += i
