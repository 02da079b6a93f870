"""The original μNAS's DOT export entry point: ``to_dot(g, output_file)`` writes the DOT source of a
graph to a file (and returns it); the source itself comes from ``resource_models.dot``."""
from .dot import to_dot as _dot_source


def to_dot(g, output_file=None):
    source = _dot_source(g)
    if output_file is not None:
        with open(output_file, "w") as f:
            f.write(source)
    return source
