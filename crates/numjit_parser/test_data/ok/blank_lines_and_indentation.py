# Blank lines, whitespace-only lines and unusual indentation widths.


def one_space():
 return 1

def eight_spaces():
        return 2

def blank_lines_inside():

    x = 1
    
        
    y = 2


    return x + y
class Deep:
  def a(self):
     if True:
               while False:
                pass
     return 0
if True:
    pass
  
else:
    pass
