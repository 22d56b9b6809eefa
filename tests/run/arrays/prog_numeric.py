# Larger programs: statistics, linear algebra by hand, simulation, search.
import numpy as np


def histogram(x, lo, hi, nbins):
    counts = np.zeros(nbins, dtype=np.int64)
    width = (hi - lo) / nbins
    for v in x:
        if lo <= v < hi:
            counts[int((v - lo) / width)] += 1
    return counts


def linear_regression(x, y):
    n = x.shape[0]
    mx = x.sum() / n
    my = y.sum() / n
    sxy = ((x - mx) * (y - my)).sum()
    sxx = ((x - mx) ** 2).sum()
    slope = sxy / sxx
    return (slope, my - slope * mx)


def gauss_solve(a, b):
    # Gaussian elimination with partial pivoting on copies
    m = a.copy()
    v = b.copy()
    n = v.shape[0]
    for k in range(n):
        p = k + np.argmax(np.abs(m[k:, k]))
        if p != k:
            tmp = m[k].copy()
            m[k] = m[p]
            m[p] = tmp
            t = v[k]
            v[k] = v[p]
            v[p] = t
        for i in range(k + 1, n):
            f = m[i, k] / m[k, k]
            m[i, k:] -= f * m[k, k:]
            v[i] -= f * v[k]
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        x[i] = (v[i] - np.dot(m[i, i + 1:], x[i + 1:])) / m[i, i]
    return x


def sieve(n):
    is_p = np.ones(n + 1, dtype=np.bool_)
    is_p[:2] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            is_p[i * i::i] = False
        i += 1
    return np.nonzero(is_p)[0]


def mandelbrot_counts(xs, ys, max_iter):
    out = np.zeros((ys.shape[0], xs.shape[0]), dtype=np.int64)
    for i in range(ys.shape[0]):
        for j in range(xs.shape[0]):
            c = complex(xs[j], ys[i])
            z = 0j
            k = 0
            while k < max_iter and abs(z) <= 2.0:
                z = z * z + c
                k += 1
            out[i, j] = k
    return out


def nbody_energy(pos, vel, mass):
    n = pos.shape[0]
    e = 0.0
    for i in range(n):
        e += 0.5 * mass[i] * np.sum(vel[i] * vel[i])
        for j in range(i + 1, n):
            d = pos[i] - pos[j]
            e -= mass[i] * mass[j] / np.sqrt(np.sum(d * d))
    return e


def binary_search(sorted_a, x):
    lo = 0
    hi = sorted_a.shape[0]
    while lo < hi:
        mid = (lo + hi) // 2
        if sorted_a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def cumulative_returns(prices):
    r = prices[1:] / prices[:-1] - 1.0
    return np.cumprod(1.0 + r) - 1.0


def running_max_drawdown(x):
    peak = x[0]
    worst = 0.0
    for v in x:
        if v > peak:
            peak = v
        dd = (peak - v) / peak
        if dd > worst:
            worst = dd
    return worst


def kmeans_1d_step(x, centers):
    k = centers.shape[0]
    sums = np.zeros(k)
    counts = np.zeros(k, dtype=np.int64)
    for v in x:
        best = 0
        for c in range(1, k):
            if abs(v - centers[c]) < abs(v - centers[best]):
                best = c
        sums[best] += v
        counts[best] += 1
    new = centers.copy()
    for c in range(k):
        if counts[c] > 0:
            new[c] = sums[c] / counts[c]
    return new


def matrix_power_loop(m, p):
    r = np.eye(m.shape[0])
    for _ in range(p):
        r = r @ m
    return r


def bubble_sort(a):
    b = a.copy()
    n = b.shape[0]
    for i in range(n):
        for j in range(n - 1 - i):
            if b[j] > b[j + 1]:
                t = b[j]
                b[j] = b[j + 1]
                b[j + 1] = t
    return b


def monte_carlo_pi_grid(n):
    # deterministic: points on a grid in the unit square
    xs = (np.arange(n) + 0.5) / n
    inside = 0
    for i in range(n):
        inside += np.sum(xs[i] ** 2 + xs ** 2 <= 1.0)
    return 4.0 * inside / (n * n)


# run: histogram(np.array([0.1, 0.5, 0.55, 0.9, 1.0, -0.1, 0.3]), 0.0, 1.0, 4) == np.array([1, 1, 2, 1], dtype=np.int64)
# run: histogram(np.linspace(0.0, 1.0, 11), 0.0, 1.0, 5) == np.array([2, 2, 2, 2, 2], dtype=np.int64)
# run: linear_regression(np.array([0.0, 1.0, 2.0, 3.0]), np.array([1.0, 3.0, 5.0, 7.0])) == (2.0, 1.0)
# run: linear_regression(np.arange(5.0), np.array([2.0, 2.5, 3.5, 4.0, 5.5])) ~= (0.85, 1.8)
# run: gauss_solve(np.array([[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0], [-2.0, 1.0, 2.0]]), np.array([8.0, -11.0, -3.0])) ~= np.array([2.0, 3.0000000000000004, -0.9999999999999999], dtype=np.float64)
# run: gauss_solve(np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([2.0, 3.0])) == np.array([3.0, 2.0], dtype=np.float64)
# run: sieve(30) == np.array([2, 3, 5, 7, 11, 13, 17, 19, 23, 29], dtype=np.int64)
# run: sieve(2) == np.array([2], dtype=np.int64)
# run: mandelbrot_counts(np.linspace(-2.0, 0.5, 6), np.linspace(-1.0, 1.0, 3), 20) == np.array([[1, 2, 3, 4, 20, 2], [20, 20, 20, 20, 20, 5], [1, 2, 3, 4, 20, 2]], dtype=np.int64)
# run: nbody_energy(np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0]]), np.array([[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]]), np.array([1.0, 2.0, 3.0])) ~= -3.933281572999748
# run: binary_search(np.array([1, 3, 5, 7, 9]), 6) == 3
# run: binary_search(np.array([1.0, 3.0, 5.0]), 0.5) == 0
# run: binary_search(np.array([1.0, 3.0, 5.0]), 9.0) == 3
# run: cumulative_returns(np.array([100.0, 110.0, 99.0, 108.9])) ~= np.array([0.10000000000000009, -0.009999999999999898, 0.08900000000000019], dtype=np.float64)
# run: running_max_drawdown(np.array([1.0, 2.0, 1.5, 3.0, 1.0, 2.0])) ~= 0.6666666666666666
# run: kmeans_1d_step(np.array([1.0, 2.0, 3.0, 10.0, 11.0, 12.0]), np.array([0.0, 5.0])) == np.array([1.5, 9.0], dtype=np.float64)
# run: matrix_power_loop(np.array([[1.0, 1.0], [1.0, 0.0]]), 10) == np.array([[89.0, 55.0], [55.0, 34.0]], dtype=np.float64)
# run: bubble_sort(np.array([5, 2, 9, 1, 5, 6], dtype=np.int32)) == np.array([1, 2, 5, 5, 6, 9], dtype=np.int32)
# run: bubble_sort(np.array([0.5, -1.0, 0.25])) == np.array([-1.0, 0.25, 0.5], dtype=np.float64)
# run: monte_carlo_pi_grid(50) == 3.144
