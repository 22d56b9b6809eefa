# lower: f(float64)
# grid: (1.5,) (0.0,) (-1.0,) (1000.0,)
# run: f(1.5) -> 11.250986690031665
# run: f(0.0) raises ValueError: math domain error
# run: f(-1.0) raises ValueError: math domain error
# run: f(1000.0) raises OverflowError: math range error
import math
def f(x):
    return math.sqrt(x) + math.log(x) + math.exp(x) + math.sin(x) + math.floor(x) + math.pi
