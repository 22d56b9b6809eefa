# Triple-quoted strings: multiple lines, embedded quotes, escapes, as docstrings.
"""Module docstring."""
'''single-quoted
triple string'''
"""
leading and trailing newlines
"""
"""embedded "quotes" and 'apostrophes' and "" two"""
'''it's ''two'' apostrophes'''
"""escaped \""" triple"""
"""line continuation \
joined"""
b"""bytes
literal"""
r"""raw \n
string"""
def f():
    """Function docstring.

    With an indented second paragraph.
    """
    return """
    indentation is kept
        exactly
"""
x = """a""" """b"""
y = """ends with quote\""""
