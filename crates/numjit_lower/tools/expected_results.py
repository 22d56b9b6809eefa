"""Writes CPython's results into the lowering corpus.

For every `test_data/*.py` with a `# grid:` line (argument tuples, e.g.
`# grid: (3, 2.5) (0, -1.0)`), runs the function named in the `# lower:` header on each
tuple under CPython and rewrites the file's `# run:` lines:

    # run: f(3, 2.5) -> 6.5
    # run: f(0, -1.0) raises ZeroDivisionError: float division by zero

Values are Python reprs, except complex numbers, written `complex(re, im)`. The
differential test (tests/differential.rs) interprets the lowered IR on the same
arguments and compares. Run from the crate directory: `python3 tools/expected_results.py`.
"""

import ast
import pathlib
import re
import sys


def render(value):
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, complex):
        return f"complex({value.real!r}, {value.imag!r})"
    if isinstance(value, tuple):
        items = [render(item) for item in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    return repr(value)


def main():
    root = pathlib.Path(__file__).resolve().parent.parent / "test_data"
    for path in sorted(root.glob("*.py")):
        source = path.read_text()
        grid_line = next((line for line in source.splitlines() if line.startswith("# grid:")), None)
        if grid_line is None:
            continue
        header = next(line for line in source.splitlines() if line.startswith("# lower:"))
        name = header[len("# lower:"):].strip().split("(")[0].strip()
        namespace = {}
        exec(compile(source, str(path), "exec"), namespace)
        function = namespace[name]
        runs = []
        for match in re.finditer(r"\([^()]*\)", grid_line[len("# grid:"):]):
            args = ast.literal_eval(match.group(0))
            if not isinstance(args, tuple):
                args = (args,)
            call = f"{name}({', '.join(render(arg) for arg in args)})"
            try:
                result = function(*args)
            except Exception as error:  # noqa: BLE001 - every exception is an expected result
                runs.append(f"# run: {call} raises {type(error).__name__}: {error}")
            else:
                runs.append(f"# run: {call} -> {render(result)}")
        kept = [line for line in source.splitlines() if not line.startswith("# run:")]
        position = kept.index(grid_line) + 1
        text = "\n".join(kept[:position] + runs + kept[position:]) + "\n"
        if text != source:
            path.write_text(text)
            print(f"updated {path.name}", file=sys.stderr)


if __name__ == "__main__":
    main()
