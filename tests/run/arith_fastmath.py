# fastmath=True allows reassociation; results are checked approximately.


def dot3(a, b, c, x, y, z):
    return a * x + b * y + c * z


def poly(x):
    return ((x * 2.0 + 3.0) * x - 1.0) * x + 0.5


def sum_range(n):
    s = 0.0
    for i in range(n):
        s += i * 0.5
    return s


# run[fastmath=True]: dot3(1.0, 2.0, 3.0, 4.0, 5.0, 6.0) ~= 32.0
# run[fastmath=True]: poly(1.5) ~= 12.5
# run[fastmath=True]: sum_range(1000) ~= 249750.0
# run: sum_range(1000) == 249750.0
