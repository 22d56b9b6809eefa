"""Checks the corpus's `# revealed:` and `# error:` annotations against Numba.

Usage: python3 tools/numba_oracle.py test_data/*.py

For each file: compiles the `# infer:` function with numba.njit for the given argument
types, then for each `# revealed:` line prints the type Numba gives what the line binds
(the SSA version of each target that the line assigns, literals widened: numjit types
each version of a variable on its own, as Numba does) or evaluates, next to ours. For files with `# error:` lines it reports whether
Numba rejects the function too. Lines marked `# numba: ...` document a deliberate
difference and are shown but not counted as mismatches.
"""

import ast
import re
import sys
import warnings

warnings.simplefilter("ignore")

import numba  # noqa: E402
from numba.core import ir, types  # noqa: E402


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def numba_type(text):
    namespace = {name: getattr(types, name) for name in dir(types)}
    return eval(text, namespace)  # the corpus header, our own file


def unliteral(ty):
    return types.unliteral(ty)


def name_of(ty):
    text = str(unliteral(ty))
    return re.sub(r"range_state(\d+)", r"range_state_int\1", text).replace("Literal[bool]", "bool")


def check(path):
    source = open(path).read()
    header = source.splitlines()[0]
    match = re.match(r"# infer: (\w+)\((.*)\)", header)
    if not match:
        print(f"{path}: no header")
        return 0
    name, args = match.group(1), match.group(2)
    arg_types = tuple(numba_type(arg) for arg in re.split(r",\s*(?![^()]*\))", args) if arg.strip())
    namespace = {"__name__": "corpus"}
    try:
        exec(compile(source, path, "exec"), namespace)
    except Exception as exc:  # noqa: BLE001
        print(f"{path}: Python rejects the module: {exc}")
        return 0
    for key, value in list(namespace.items()):
        if callable(value) and getattr(value, "__module__", None) == "corpus" and key != name:
            namespace[key] = numba.njit(value)
    dispatcher = numba.njit(namespace[name])
    namespace[name] = dispatcher
    errors = [line for line in source.splitlines() if "# error:" in line]
    try:
        dispatcher.compile(arg_types)
    except Exception as exc:  # noqa: BLE001 - we report whatever Numba says
        first = str(exc).strip().splitlines()
        message = next((line for line in first if line and "Failed in" not in line), "")
        status = "agrees (rejects)" if errors else "MISMATCH: Numba rejects"
        message = ANSI.sub("", message)[:150]
        print(f"{path}: {status}: {type(exc).__name__}: {message}")
        return 0 if errors else 1
    if errors:
        print(f"{path}: NOTE: Numba accepts what numjit rejects")
    overload = dispatcher.overloads[arg_types]
    typemap = overload.type_annotation.typemap
    blocks = overload.type_annotation.blocks
    ctx = overload.typing_context
    assigns_by_line = {}
    for block in blocks.values():
        for stmt in block.body:
            if isinstance(stmt, ir.Assign):
                assigns_by_line.setdefault(stmt.loc.line, []).append(stmt)
    tree = ast.parse(source)
    stmts_by_line = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt):
            stmts_by_line.setdefault(node.lineno, node)
    mismatches = 0
    for lineno, line in enumerate(source.splitlines(), 1):
        if "# revealed:" not in line:
            continue
        ours = line.split("# revealed:")[1].split("# numba:")[0].strip()
        node = stmts_by_line.get(lineno)
        found = "?"
        targets = []
        if isinstance(node, ast.Assign):
            for target in node.targets:
                targets.extend(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For)):
            targets.extend(n.id for n in ast.walk(node.target) if isinstance(n, ast.Name))
        if targets:
            shown = []
            for target in targets:
                # The SSA version of the target that this line assigns (the last one;
                # not the copies into a join's version that Numba places at the line).
                assigned = [
                    stmt.target.name
                    for stmt in assigns_by_line.get(lineno, [])
                    if stmt.target.name.split(".")[0] == target
                    and not (isinstance(stmt.value, ir.Var) and stmt.value.name.split(".")[0] == target)
                ]
                if assigned:
                    found_type = typemap.get(assigned[-1])
                else:
                    # Numba moved the assignment (an inlined inner function): every
                    # version of the variable, unified.
                    versions = [unliteral(ty) for var, ty in typemap.items() if var.split(".")[0] == target]
                    found_type = ctx.unify_types(*versions) if versions else None
                shown.append(name_of(found_type) if found_type is not None else "?")
            found = ", ".join(shown)
        elif isinstance(node, ast.Return):
            casts = [s for s in assigns_by_line.get(lineno, []) if isinstance(s.value, ir.Expr) and s.value.op == "cast"]
            if casts:
                found = name_of(typemap[casts[-1].value.value.name])
        elif isinstance(node, ast.Expr):
            temps = [s for s in assigns_by_line.get(lineno, []) if s.target.name.startswith("$")]
            if temps:
                found = name_of(typemap[temps[-1].target.name])
        documented = "# numba:" in line
        status = "ok" if found == ours else ("documented" if documented else "MISMATCH")
        if status == "MISMATCH":
            mismatches += 1
        print(f"{path}:{lineno}: {status}: ours {ours}, numba {found}")
    return mismatches


def main():
    total = sum(check(path) for path in sys.argv[1:])
    print(f"{total} mismatches")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
