# Integer and float literal spellings: hex, octal, binary, underscores,
# exponents.


def ints():
    return 0x7F, 0o17, 0b1011, 1_000_000, 0xFFFF_FFFF


def floats():
    return 1e3, 2.5e-3, 1_000.5, .5, 5., 1E2


def imag():
    return 2j, 1.5j, 1e2j


# run: ints() == (127, 15, 11, 1000000, 4294967295)
# run: floats() == (1000.0, 0.0025, 1000.5, 0.5, 5.0, 100.0)
# run: imag() == (2j, 1.5j, 100j)
