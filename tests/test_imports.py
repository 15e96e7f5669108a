"""The package's import graph has no cycle: every import of one of its modules by another,
at the top or inside a function (imports only for type checking left out)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "vnreport_extract"


def module_name(path: Path) -> str:
    parts = ["vnreport_extract", *path.relative_to(SRC).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports(path: Path, modules: set[str]) -> set[str]:
    """The package's modules that ``path`` imports (``from . import x`` resolved to ``.x``)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    skipped: set[int] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if _type_checking_only(node):
            skipped.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
        found.update(t for t in targets if t in modules and t != name)
    return found


def test_no_import_cycle() -> None:
    files = sorted(SRC.rglob("*.py"))
    modules = {module_name(f) for f in files}
    graph = {module_name(f): imports(f, modules) for f in files}
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                cycles.append([*stack[stack.index(n):], n])
            elif n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)
    assert cycles == []


def test_the_graph_is_read() -> None:
    files = sorted(SRC.rglob("*.py"))
    modules = {module_name(f) for f in files}
    assert "vnreport_extract.batch.plan" in imports(SRC / "batch" / "local.py", modules)
    assert "vnreport_extract.batch.dask" in imports(SRC / "batch" / "api.py", modules)


def test_a_parse_loads_neither_underthesea_nor_the_batch_machinery() -> None:
    """What keeps a cold `vnreport-extract parse` fast (timed in benchmarks/bench_targets.py)."""
    import subprocess
    import sys

    code = ("import sys; from vnreport_extract.cli import main; main(['parse', sys.argv[1], '--no-text']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('underthesea', 'pandas', 'pyarrow', 'dask') "
            "or m in ('vnreport_extract.batch.api', 'vnreport_extract.batch.local')), file=sys.stderr)")
    seed = SRC.parent.parent / "fixtures" / "seed" / "000_c44f0d63a01b8516.txt"
    p = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0 and p.stderr.strip() == "[]"
