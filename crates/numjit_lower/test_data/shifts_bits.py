# lower: f(int64, int64)
# grid: (5, 2) (-8, 1) (1, -1) (1, 70)
# run: f(5, 2) -> 23
# run: f(-8, 1) -> -1
# run: f(1, -1) raises ValueError: negative shift count
# run: f(1, 70) -> 1180591620717411303494
def f(a, b):
    return (a << b) | (a >> 2) & 255 ^ b
