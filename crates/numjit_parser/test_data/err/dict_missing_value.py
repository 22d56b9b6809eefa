# cpython: SyntaxError: expression expected after dictionary key and ':'
d = {1: }
