# if / elif / else, including one-line suites and nesting.
if x:
    pass
if x:
    a = 1
else:
    a = 2
if x:
    a = 1
elif y:
    a = 2
elif z:
    a = 3
else:
    a = 4
if x: pass
if x: a = 1; b = 2
else: a = 3
if a:
    if b:
        pass
    elif c:
        pass
else:
    if d:
        pass
if (n := len(a)) > 10:
    pass
