# The seed's two_d_array_reduction_prod in scalar form: `result *= tmp` in a
# loop; result starts at 2 and each step multiplies by 2.


def reduction_prod(n):
    result = 2
    tmp = 2
    for i in range(n):
        result *= tmp
    return result


# run: reduction_prod(0) == 2
# run: reduction_prod(10) == 2048
# run: reduction_prod(61) == 4611686018427387904
# run[wrap]: reduction_prod(62) == -9223372036854775808
# run[wrap]: reduction_prod(63) == 0
