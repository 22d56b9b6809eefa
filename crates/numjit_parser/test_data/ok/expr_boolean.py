# Boolean operators: or, and, not, and their precedence.
a or b
a and b
not a
a or b or c
a and b and c
a or b and c
(a or b) and c
a and not b or c
not a and not b
not not a
a or b and c or d
not a == b
x = a if b or c else d and e
