# Conditional expressions, nested and combined with lambda and other operators.
a if b else c
a if b else c if d else e
(a if b else c) if d else e
a if (b if c else d) else e
x = 1 if flag else 2
f(a if b else c, key=d if e else f)
[x if x > 0 else 0 for x in xs]
y = a or b if c and d else e or f
z = not a if b else c
