# Starred expressions and unpacking in displays, calls, targets and subscripts.
[*a, *b]
(*a, *b)
{*a, *b}
{**a, **b}
{**a, "k": 1, **b}
*a, b = c
a, *b = c
[*a] = b
print(*args, sep="")
x = *a, *b
x = [*range(3), 4]
for x in *a, b:
    pass
f(*a)(**b)
a[*b]
a[*b, c]
a[b, *c]
t = 1, *rest
d = {**base, "extra": True}
s = {*xs}
