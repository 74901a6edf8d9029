"""Public names of a capability package, loaded on first use (PEP 562).

A package's __init__ names what other packages may use, but must not import the ORM side
when it is imported: the pure modules inside (journal.insights.analysis,
journal.imports.parsers...) stay importable without Django, and journal/models.py can import
a package's models while Django is still loading them.
"""

from collections.abc import Callable, Mapping, Sequence
from importlib import import_module


def public_names(package: str, modules: Mapping[str, Sequence[str]]) -> tuple[Callable, list]:
    """(__getattr__, __all__) for `package`, from the names each of its modules offers:
    a name is read from its module when first asked for."""
    home = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str):
        if name in home:
            return getattr(import_module(home[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__, sorted(home)
