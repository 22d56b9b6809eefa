# cpython: SyntaxError: cannot use assignment expressions with attribute
(a.b := 1)
