# cpython: SyntaxError: unmatched ')'
x = 1)
