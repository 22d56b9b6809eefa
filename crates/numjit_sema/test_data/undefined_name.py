# infer: f(int64)
def f(total):
    return totl + 1  # error: [undefined-name]
