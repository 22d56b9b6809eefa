# The 30-line function of the compile-latency benchmarks: benches/benches/compile.rs compiles
# it in a warm process, `cargo xtask bench fresh` with `numjit run` in fresh processes.
import math

def f(n, x):
    total = 0.0
    count = 0
    for i in range(n):
        y = x * i + 0.5
        if y > 100.0:
            y = math.sqrt(y)
        elif y < -100.0:
            y = -math.sqrt(-y)
        else:
            y = y * 0.5
        total += y
        count += 1
    mean = total / max(count, 1)
    var = 0.0
    k = 0
    while k < n:
        d = x * k + 0.5 - mean
        var += d * d
        k += 2
    if var > 0.0:
        std = math.sqrt(var / n)
    else:
        std = 0.0
    lo, hi = min(mean, std), max(mean, std)
    return lo + hi * 0.5 + math.floor(total) % 7
