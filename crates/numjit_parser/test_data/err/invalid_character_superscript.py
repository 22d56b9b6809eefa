# cpython: SyntaxError: invalid character '²' (U+00B2)
x² = 1
