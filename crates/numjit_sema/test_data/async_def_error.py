# infer: f(int64)
async def f(n):  # error: [unsupported-construct]
    return n
