# cpython: SyntaxError: invalid digit '2' in binary literal
x = 0b102
