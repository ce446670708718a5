"""The package's imports form layers with no cycle (docs/design.md draws the map).

Every `import` in pipeline/ is read with `ast`, including the lazy ones inside functions (a lazy
import is still a dependency: it only moves the failure to run time). Imports under
`if TYPE_CHECKING:` are left out. Pure static reading: no module is imported.
"""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"

# Being removed by the attribution split (Statement and shared helpers move to their own
# module, issue 16): drop this entry when that branch is merged; the test then holds the line.
KNOWN_CYCLES: set[frozenset[str]] = set()  # none left; add a pair here only with an issue to remove it

# Higher layers may import lower ones, never the reverse (same layer: allowed, without cycles).
LAYERS = [
    ("base", ["pipeline.version", "pipeline.ops", "pipeline.labels", "pipeline.catalog", "pipeline.lang",
              "pipeline.langid", "pipeline.sources", "pipeline.table", "pipeline.dataset"]),
    ("components", ["pipeline.components"]),
    ("models", ["pipeline.models"]),
    ("runner", ["pipeline.runner", "pipeline.pieces"]),
    ("readers", ["pipeline.report", "pipeline.highlight"]),  # read tables and datasets, never write them
    ("services", ["pipeline", "pipeline.ingest", "pipeline.spark", "pipeline.evaluate"]),
    ("cli", ["pipeline.cli"]),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for sub in node.body:
                lines.update(range(sub.lineno, (sub.end_lineno or sub.lineno) + 1))
    return lines


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package modules that `name` imports (a `from pkg import sub` counts as `pkg.sub`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_lines(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            for alias in node.names:
                target = f"{base}.{alias.name}"
                if target in known:
                    found.add(target)
                elif base in known:
                    found.add(base)
    found.discard(name)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports_of(name, path, known) for name, path in mods.items()}


def cycles(edges: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(frozenset(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def layer_of(name: str) -> int:
    best, rank = -1, -1
    for i, (_label, prefixes) in enumerate(LAYERS):
        for p in prefixes:
            if (name == p or name.startswith(p + ".")) and len(p) > best:
                best, rank = len(p), i
    assert rank >= 0, f"{name} is in no layer: add it to LAYERS here and to docs/design.md"
    return rank


def test_the_graph_is_read():
    edges = graph()
    assert "pipeline.models" in edges["pipeline.runner"]  # a top-level import
    assert "pipeline.runner" in edges["pipeline"]  # a lazy one, inside a method
    assert "pipeline.components.doc_text" in edges["pipeline.components.dates"]  # a relative one


def test_no_import_cycle():
    found = cycles(graph())
    for cycle in found:
        if cycle in KNOWN_CYCLES:
            warnings.warn(f"known import cycle still present (remove at merge): {sorted(cycle)}",
                          stacklevel=1)
    unexpected = [sorted(c) for c in found if c not in KNOWN_CYCLES]
    assert not unexpected, f"import cycles: {unexpected}"


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset("abc")]


def test_layers_only_point_down():
    edges = graph()
    upward = [f"{a} ({LAYERS[layer_of(a)][0]}) -> {b} ({LAYERS[layer_of(b)][0]})"
              for a, targets in sorted(edges.items()) for b in sorted(targets)
              if layer_of(b) > layer_of(a)]
    assert not upward, "imports pointing up a layer:\n" + "\n".join(upward)


def test_version_and_catalog_stay_light():
    """`newsfacts --version` and ingest's extractor key import no spaCy (a no-op run stays fast)."""
    import subprocess
    import sys

    code = ("import sys\n"
            "from pipeline import cli, ingest\n"
            "ingest.extractor_key()\n"
            "try:\n"
            "    cli.app(['--version'])\n"
            "except SystemExit:\n"
            "    pass\n"
            "print('spacy' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         cwd=PACKAGE.parent)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines() == [f"newsfacts {_version()}", "False"], out.stdout


def _version() -> str:
    from pipeline.version import package_version

    return package_version()
