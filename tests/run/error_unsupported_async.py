# async functions.  Numba compiles this coroutine's body as a plain
# function (it returns 1); numjit rejects async: numjit-only.


async def coro(x):
    return x


# compile-error[numjit-only]: [unsupported-construct] coro(1)
