# import and from-import in every form.
import os
import os.path
import numpy as np
import os.path as osp, sys, collections.abc as cabc
from os import path
from os import path as p, sep
from os import (path, sep,)
from os import (
    path as p,
    sep,
)
from os.path import *
from . import sibling
from .. import parent
from ... import grandparent
from .module import name
from ..package.module import name as alias
from .... import x
from ....a.b import c
from .  import (d)
