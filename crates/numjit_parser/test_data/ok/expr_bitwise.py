# Bitwise operators and shifts with their relative precedence.
a | b
a ^ b
a & b
a << b
a >> b
a | b ^ c & d
a & b ^ c | d
a << b + c
a + b << c
a | b << c & d >> e
~a
~a & ~b
(a | b) & c
a >> 1 >> 2
