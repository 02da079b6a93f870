"""Exceptions raised for graphs a user built wrongly.

All derive from ValueError so callers that only care "this candidate is
invalid" can catch one familiar type; the subclasses let tests and the search
tell a shape mistake from a misuse of the graph API.
"""


class ResourceModelError(ValueError):
    """Base class for every error raised by resource_models."""


class ShapeError(ResourceModelError):
    """An operator's parameters do not fit the shape of its input."""


class GraphError(ResourceModelError):
    """The graph API was misused (no current graph, foreign tensor, no outputs...)."""
