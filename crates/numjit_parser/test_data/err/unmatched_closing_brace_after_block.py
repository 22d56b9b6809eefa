# cpython: SyntaxError: unmatched '}'
def f():
    return 1
}
