# cpython: SyntaxError: arguments cannot follow var-keyword argument
def f(**kwargs, a):
    pass
