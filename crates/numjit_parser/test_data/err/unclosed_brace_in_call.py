# cpython: SyntaxError: closing parenthesis ')' does not match opening parenthesis '{'
f(a, {1: 2)
