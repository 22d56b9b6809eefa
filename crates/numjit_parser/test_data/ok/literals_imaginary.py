# Imaginary literals.
1j
1J
0j
1.5j
.5j
1e3j
1_000j
1.0e-2J
09j
1 + 2j
z = 3 - 4j
w = 1e400j
