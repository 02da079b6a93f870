"""The module layering the house rules ask for: no import circles between the top-level tools."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set:
    """Every module a file imports, at the top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_exporter_does_not_import_the_state_processor():
    """search_state_processor runs the exporter for --export; the Pareto fronts both need live
    below them (search_algorithms.pareto), so the exporter never imports the processor back."""
    assert "search_state_processor" not in imported_modules(ROOT / "deploy.py")
    assert "search_algorithms.pareto" in imported_modules(ROOT / "deploy.py")
    assert "search_algorithms.pareto" in imported_modules(ROOT / "search_state_processor.py")


def test_pareto_module_imports_no_tool():
    allowed = {"__future__", "math", "typing", "search_algorithms.points"}
    assert imported_modules(ROOT / "search_algorithms" / "pareto.py") <= allowed
