# cpython: SyntaxError: invalid syntax
import os.*
