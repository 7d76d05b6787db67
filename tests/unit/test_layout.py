"""The package's folders are its architecture: floors that only point down, no circles.

Every import of the package counts, type-only ones (`if TYPE_CHECKING:`) included,
since a reader must follow them all the same. The floors, lowest first:

0. `core/`: values and pure functions; imports no MkDocs and no Markdown.
1. `markdown/`: the Markdown extensions; core only, never MkDocs (they run under
   Zensical or plain Python-Markdown too).
2. one folder a feature (`fullstory/`, `popular/`, `navigation/`, `site/`): core and
   the Markdown layer, never another feature.
3. `page/`: what a page shows, put together from the features.
4. `config.py`, then `plugin.py`: the options, and the MkDocs events.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent.parent / "mkdocs_aiblog"
FEATURES = ("comments", "fullstory", "navigation", "popular", "related", "series", "share", "site")
FLOORS = {"core": 0, "markdown": 1, **dict.fromkeys(FEATURES, 2), "page": 3, "config": 4}
"""The floor of each top-level folder or module of the package; the rest are above all."""
ENTRY_POINTS = {"plugin": 5, "headings": 2, "blocks": 2, "stylesheet": 0, "__init__": 0}
"""Modules at the top: the plugin, the extension names users list in `mkdocs.yml`, and the
`mkdocs-aiblog-css` command (it imports nothing of the package)."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Give the modules of the package that `path` imports, type-only ones included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path.parent)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    modules = {_module_name(p) for p in PACKAGE.rglob("*.py")}
    return {name for name in found if name in modules}


def _floor(module: str) -> tuple[int, str]:
    """Give a module's floor and the folder (or top-level module) that sets it."""
    top = module.split(".")[1] if "." in module else "__init__"
    if top in FLOORS:
        return FLOORS[top], top
    return ENTRY_POINTS[top], top


GRAPH = {_module_name(path): _imports(path) for path in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_has_a_floor() -> None:
    for module in GRAPH:
        _floor(module)  # a KeyError names a folder this test does not know


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_only_point_down(module: str) -> None:
    floor, folder = _floor(module)
    for imported in sorted(GRAPH[module]):
        other_floor, other_folder = _floor(imported)
        assert other_floor <= floor, f"{module} imports {imported}, a floor above it"
        if folder in FEATURES and other_folder in FEATURES and folder != other_folder:
            pytest.fail(f"{module} imports {imported}: features do not import each other")


def test_no_circles() -> None:
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        if module in path:
            circle = " -> ".join((*path[path.index(module) :], module))
            pytest.fail(f"import circle: {circle}")
        if module in done:
            return
        for imported in sorted(GRAPH[module]):
            visit(imported, (*path, module))
        done.add(module)

    for module in sorted(GRAPH):
        visit(module, ())


def test_the_lower_floors_never_import_mkdocs() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        folder = path.relative_to(PACKAGE).parts[0]
        if folder not in ("core", "markdown"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert name.split(".")[0] not in ("mkdocs", "material", "properdocs"), (
                    f"{path.relative_to(PACKAGE)} imports {name}"
                )


def test_the_extensions_load_without_mkdocs() -> None:
    """A bare Python-Markdown with the extensions imports nothing of MkDocs or the plugin."""
    code = (
        "import sys, markdown\n"
        "md = markdown.Markdown(extensions=['mkdocs_aiblog.headings', 'mkdocs_aiblog.blocks'])\n"
        "html = md.convert('## 🚀 Why it matters\\n\\nText.\\n')\n"
        "assert 'aiblog-emoji' in html, html\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material'))\n"
        "ours = sorted(m for m in sys.modules if m.startswith('mkdocs_aiblog.')\n"
        "    and m.split('.')[1] not in ('core', 'markdown', 'headings', 'blocks'))\n"
        "print(loaded, ours)\n"
        "assert not loaded and not ours, (loaded, ours)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr + result.stdout
