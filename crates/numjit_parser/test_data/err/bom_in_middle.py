# cpython: SyntaxError: invalid non-printable character U+FEFF
x = 1
﻿y = 2
