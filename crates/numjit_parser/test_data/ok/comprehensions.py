# List, set, dict comprehensions and generator expressions with nested fors and ifs.
[x for x in xs]
[x for x in xs if x]
[x for x in xs if x if y]
[x * y for x in xs for y in ys]
[x for x in xs if x for y in ys if y]
[(x, y) for x, y in pairs]
[x for (x, y) in pairs]
[x for *x, y in rows]
[[y for y in row] for row in matrix]
{x for x in xs}
{x: y for x, y in pairs}
{k: v for k, v in d.items() if v is not None}
(x for x in xs)
(x for x in xs if x for y in x)
sum(x for x in xs)
[x for x in (yield_free, other)]
[x for x in lambda_value if (lambda: x)()]
[y := f(x) for x in xs]
[x for x in range(10) if (y := x * 2) > 5]
{(a, b): c for a, b, c in triples}
[x for x in a if b if c]
[x for x in a or b]
[x for x in (a if b else c)]
