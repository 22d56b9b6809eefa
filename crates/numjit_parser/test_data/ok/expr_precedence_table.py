# One line per pair of adjacent precedence levels, lowest (lambda) to highest (await, primary).
lambda: a if b else c
a if b else lambda: c
a or b if c or d else e or f
a or b and c
a and not b
not a < b
a < b | c
a | b ^ c
a ^ b & c
a & b << c
a << b + c
a + b * c
a * -b
-a ** b
a ** -b
await a ** b if False else 0
a ** b.c[d](e)
(lambda: a) if b else c
x = a, b if c else d, e
