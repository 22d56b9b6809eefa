# while loops with else, break and continue.
while x:
    x -= 1
while True:
    if done():
        break
    continue
while x > 0:
    x -= 1
else:
    finished = True
while (line := read()):
    process(line)
while 1: pass
