"""The package's layers (issue 21): the import contract in .importlinter holds, a deliberate upward
import breaks it, and a static scan of every import (at module level and inside functions) finds
no cycle and no import of another module's private name."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from building import ROOT

PACKAGE = ROOT / "qualityweek"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
LAYERS = ("core", "inputs", "model", "outputs", "build", "tools")


def lint_imports(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--config", str(project / ".importlinter"),
                           "--no-cache"], cwd=project, capture_output=True, text=True,
                          timeout=120, env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"})


def test_import_contracts_are_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_every_module_sits_in_a_layer():
    loose = sorted(p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py")
    assert loose == [], f"modules outside the layers: {loose}"
    assert sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"
                  ) == sorted(LAYERS)


def _scratch(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(PACKAGE, project / "qualityweek",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / ".importlinter", project / ".importlinter")
    return project


def test_an_upward_import_inside_a_function_breaks_the_contract(tmp_path):
    project = _scratch(tmp_path)
    typography = project / "qualityweek" / "core" / "typography.py"
    typography.write_text(typography.read_text(encoding="utf-8") + (
        "\n\ndef _upward():\n    from ..build import site_data  # noqa: F401\n"), encoding="utf-8")
    result = lint_imports(project)
    assert result.returncode == 1
    assert "qualityweek.core.typography -> qualityweek.build.site_data" in result.stdout
    assert "BROKEN" in result.stdout


def test_an_output_that_reads_the_settings_breaks_the_contract(tmp_path):
    project = _scratch(tmp_path)
    tables = project / "qualityweek" / "outputs" / "tables.py"
    tables.write_text(tables.read_text(encoding="utf-8") +
                      "\n\nfrom ..inputs.settings import read_settings  # noqa: E402,F401\n",
                      encoding="utf-8")
    result = lint_imports(project)
    assert result.returncode == 1
    assert "qualityweek.outputs.tables -> qualityweek.inputs.settings" in result.stdout


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(imported module, names) for every import of a qualityweek module in `path`, wherever it
    stands (module level, functions, conditionals)."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] == "qualityweek":
                names = [a.name for a in node.names]
                # «from . import typography» imports a module, not a name
                subs = [f"{target}.{n}" for n in names
                        if (ROOT / Path(*f"{target}.{n}".split("."))).with_suffix(".py").exists()]
                found.extend((s, []) for s in subs)
                if len(subs) < len(names):
                    found.append((target, [n for n in names if f"{target}.{n}" not in subs]))
        elif isinstance(node, ast.Import):
            found.extend((a.name, []) for a in node.names if a.name.split(".")[0] == "qualityweek")
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        graph[_module_name(path)] = {target for target, _ in _imports(path)}
    return graph


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative; components of more than one module, or a module that
    imports itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next((c for c in children if c in graph), None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph[node]:
                    components.append(sorted(component))
    return components


def test_the_scan_finds_a_cycle_made_inside_a_function():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _strongly_connected(graph) == [["a", "b", "c"]]


def test_no_import_cycle_counting_imports_inside_functions():
    graph = _graph()
    assert len(graph) > 40
    assert _strongly_connected(graph) == []


def test_no_module_imports_another_modules_private_name():
    private = []
    for path in [*PACKAGE.rglob("*.py"), ROOT / "macros.py", *(ROOT / "hooks").glob("*.py"),
                 *(ROOT / "bench").glob("*.py")]:
        for target, names in _imports(path):
            private += [f"{path.relative_to(ROOT)}: {target}.{n}" for n in names
                        if n.startswith("_")]
            if target.rpartition(".")[2].startswith("_") and not target.endswith("__init__"):
                private.append(f"{path.relative_to(ROOT)}: {target}")
    assert private == []
