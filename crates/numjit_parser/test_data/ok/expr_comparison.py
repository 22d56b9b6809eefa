# Comparison operators, chained comparisons, and their precedence against | and not.
a < b
a > b
a == b
a >= b
a <= b
a != b
a in b
a not in b
a is b
a is not b
a < b < c
a < b <= c == d != e > f >= g
a is not None is not b
a in b not in c
a | b < c | d
not a < b
a < (b < c)
(a < b) < c
x = 1 < 2 == True
