# cpython: SyntaxError: 'function call' is an illegal expression for augmented assignment
f(x) += 1
