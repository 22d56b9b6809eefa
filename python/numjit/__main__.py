"""``python -m numjit -s``: the system report (CPU, LLVM, threads)."""
import argparse
import sys

from . import _core


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m numjit", description=__doc__)
    parser.add_argument("-s", "--sysinfo", action="store_true", help="print the system report")
    args = parser.parse_args(argv)
    if args.sysinfo:
        print(_core.sysinfo())
        return 0
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
