# cpython: SyntaxError: cannot delete function call
del f()
