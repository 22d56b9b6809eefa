# The seed's rule "globals become compile-time constants": the compiled
# function sees the module constants' values at compile time.

BIAS = 2
SCALE = 0.5


def biased(x):
    return BIAS + x * SCALE


def biased_sum(n):
    total = 0.0
    for i in range(n):
        total += biased(i)
    return total


# run: biased(4) == 4.0
# run: biased_sum(10) == 42.5
