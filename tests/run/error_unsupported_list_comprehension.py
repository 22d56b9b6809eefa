# List comprehensions need the list type, which is outside the scalar spine.
# Numba supports them (reflected lists), so this line is numjit-only.


def squares(n):
    return [i * i for i in range(n)]


# compile-error[numjit-only]: [unsupported-construct] squares(3)
