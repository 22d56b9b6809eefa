# Scientific kernels written the way numerical code is: explicit loops over
# indices, array expressions, reductions.
import numpy as np


def heat_1d(u0, alpha, steps):
    u = u0.copy()
    n = u.shape[0]
    for _ in range(steps):
        new = u.copy()
        for i in range(1, n - 1):
            new[i] = u[i] + alpha * (u[i - 1] - 2.0 * u[i] + u[i + 1])
        u = new
    return u


def heat_1d_vectorised(u0, alpha, steps):
    u = u0.copy()
    for _ in range(steps):
        u[1:-1] = u[1:-1] + alpha * (u[:-2] - 2.0 * u[1:-1] + u[2:])
    return u


def jacobi_2d(grid, iters):
    g = grid.copy()
    for _ in range(iters):
        g[1:-1, 1:-1] = 0.25 * (g[:-2, 1:-1] + g[2:, 1:-1] + g[1:-1, :-2] + g[1:-1, 2:])
    return g


def moving_average(x, w):
    n = x.shape[0] - w + 1
    out = np.empty(n)
    s = x[:w].sum()
    out[0] = s / w
    for i in range(1, n):
        s += x[i + w - 1] - x[i - 1]
        out[i] = s / w
    return out


def convolve_valid(x, k):
    n = x.shape[0] - k.shape[0] + 1
    out = np.zeros(n)
    for i in range(n):
        for j in range(k.shape[0]):
            out[i] += x[i + j] * k[k.shape[0] - 1 - j]
    return out


def game_of_life_step(board):
    n, m = board.shape
    new = np.zeros((n, m), dtype=np.int64)
    for i in range(n):
        for j in range(m):
            live = 0
            for di in range(-1, 2):
                for dj in range(-1, 2):
                    if di == 0 and dj == 0:
                        continue
                    ii = (i + di) % n
                    jj = (j + dj) % m
                    live += board[ii, jj]
            if board[i, j] == 1 and (live == 2 or live == 3):
                new[i, j] = 1
            elif board[i, j] == 0 and live == 3:
                new[i, j] = 1
    return new


def gradient_central(f, h):
    g = np.empty_like(f)
    g[0] = (f[1] - f[0]) / h
    g[-1] = (f[-1] - f[-2]) / h
    g[1:-1] = (f[2:] - f[:-2]) / (2 * h)
    return g


# run: heat_1d(np.array([0.0, 0.0, 1.0, 0.0, 0.0]), 0.25, 3) == np.array([0.0, 0.21875, 0.3125, 0.21875, 0.0], dtype=np.float64)
# run: heat_1d_vectorised(np.array([0.0, 0.0, 1.0, 0.0, 0.0]), 0.25, 3) == np.array([0.0, 0.21875, 0.3125, 0.21875, 0.0], dtype=np.float64)
# run: heat_1d(np.linspace(0, 1, 6)[::-1], 0.5, 2) ~= np.array([1.0, 0.8, 0.6000000000000001, 0.4, 0.2, 0.0], dtype=np.float64)
# run: jacobi_2d(np.array([[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]), 5) ~= np.array([[1.0, 1.0, 1.0, 1.0], [0.0, 0.3671875, 0.3671875, 0.0], [0.0, 0.1171875, 0.1171875, 0.0], [0.0, 0.0, 0.0, 0.0]], dtype=np.float64)
# run: jacobi_2d(np.asfortranarray(np.eye(4)), 2) ~= np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 0.25, 0.0, 0.0], [0.0, 0.0, 0.25, 0.0], [0.0, 0.0, 0.0, 1.0]], dtype=np.float64)
# run: moving_average(np.arange(10.0), 3) == np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0], dtype=np.float64)
# run: moving_average(np.array([1.0, 4.0, 2.0, 8.0]), 4) == np.array([3.75], dtype=np.float64)
# run: convolve_valid(np.arange(6.0), np.array([1.0, 0.0, -1.0])) == np.array([2.0, 2.0, 2.0, 2.0], dtype=np.float64)
# run: convolve_valid(np.arange(8.0)[::2], np.array([0.5, 0.5])) == np.array([1.0, 3.0, 5.0], dtype=np.float64)
# run: game_of_life_step(np.array([[0, 1, 0, 0, 0], [0, 1, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]])) == np.array([[0, 0, 0, 0, 0], [1, 1, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]], dtype=np.int64)
# run: game_of_life_step(np.array([[0, 0, 0, 0], [0, 1, 1, 0], [0, 1, 1, 0], [0, 0, 0, 0]])) == np.array([[0, 0, 0, 0], [0, 1, 1, 0], [0, 1, 1, 0], [0, 0, 0, 0]], dtype=np.int64)
# run: gradient_central(np.array([0.0, 1.0, 4.0, 9.0, 16.0]), 1.0) == np.array([1.0, 2.0, 4.0, 6.0, 7.0], dtype=np.float64)
# run: gradient_central(np.array([[0.0, 1.0], [0.25, 4.0], [1.0, 9.0]]).T[1], 0.5) == np.array([6.0, 8.0, 10.0], dtype=np.float64)
