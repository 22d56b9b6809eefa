# cpython: SyntaxError: Lambda expression parameters cannot be parenthesized
f = lambda (x, y): x + y
