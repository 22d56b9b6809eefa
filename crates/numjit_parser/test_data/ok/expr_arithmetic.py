# Arithmetic operators, unary operators, power, and their precedence and associativity.
a + b
a - b
a * b
a / b
a // b
a % b
a @ b
a ** b
-a
+a
~a
a + b * c
(a + b) * c
a - b - c
a - (b - c)
a * b / c // d % e @ f
a ** b ** c
(a ** b) ** c
-a ** b
(-a) ** b
a ** -b
-a * -b
- - a
+-+a
2 ** -1
a + b * c ** d
a @ b @ c
1 + 2 * 3 - 4 / 5 % 6 // 7
x = -1
x = -(1)
x = 1 - -1
