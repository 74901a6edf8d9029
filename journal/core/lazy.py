"""Public names of a capability package, loaded on first use (PEP 562).

A package's __init__ names what other packages may use, but must not import the ORM side
when it is imported: the pure modules inside (journal.insights.analysis,
journal.imports.parsers...) stay importable without Django, and journal/models.py can import
a package's models while Django is still loading them.
"""

from collections.abc import Callable, Mapping
from importlib import import_module


def public_names(package: str, names: Mapping[str, str]) -> Callable[[str], object]:
    """A module-level __getattr__ for `package`: each name of `names` is read from the
    module it maps to, when first asked for."""

    def __getattr__(name: str):
        if name in names:
            return getattr(import_module(names[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
