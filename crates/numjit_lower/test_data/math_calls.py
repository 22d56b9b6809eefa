# lower: f(float64)
# grid: (1.5,) (0.0,) (-1.0,) (1000.0,)
# run: f(1.5) -> 11.250986690031665
# run: f(0.0) raises ValueError: math domain error
# run: f(-1.0) raises ValueError: math domain error
# run: f(1000.0) raises OverflowError: math range error
# numba: f(0.0) -> -inf
# numba: f(-1.0) -> nan
# numba: f(1000.0) -> inf
import math
def f(x):
    return math.sqrt(x) + math.log(x) + math.exp(x) + math.sin(x) + math.floor(x) + math.pi
