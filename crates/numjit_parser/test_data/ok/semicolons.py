# Several simple statements on one line, separated by semicolons.
a = 1; b = 2
a = 1; b = 2;
import os; import sys
if x: a = 1; b = 2; pass
for i in r: x += i; y -= i
def f(): x = 1; return x
while False: pass;
x; y; z
class C: a = 1; b = 2
