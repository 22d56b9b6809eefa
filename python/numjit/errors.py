"""numjit's exceptions: every error numjit itself raises is a ``NumjitError``.

``TypingError`` is raised when a function cannot be compiled (its message is the rendered
diagnostic, pointing at the line in the user's file); ``UnsupportedError`` (a kind of
``TypingError``) when the function uses a construct numjit does not compile.
Exceptions raised *by compiled code* are the ordinary Python classes (ZeroDivisionError,
IndexError, ...), as in Numba.
``NumjitWarning`` is the category of numjit's warnings (an option numjit accepts but
ignores, such as ``locals``).
"""
from ._core import NumjitError, TypingError, UnsupportedError

__all__ = ["NumjitError", "TypingError", "UnsupportedError", "NumjitWarning"]


class NumjitWarning(UserWarning):
    """A warning from numjit (Numba's ``NumbaWarning``)."""
