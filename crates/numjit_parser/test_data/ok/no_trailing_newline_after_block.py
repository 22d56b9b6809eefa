# The file ends inside an indented block without a newline.
for i in range(3):
    pass
    # comment