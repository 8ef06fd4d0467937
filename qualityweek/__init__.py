"""Pure logic of the Quality Week site: no MkDocs imports, so every part is unit-testable.

Layers, each importing only those below it (the contract in .importlinter, checked by
tests/test_layers.py): core → inputs → model → outputs → build, and tools beside build.
`macros.py` and hooks/ at the project root wire the build layer into MkDocs.
"""

import sys
import time
from pathlib import Path

_LOADED_AT = time.time()


def forget_if_edited() -> None:
    """Drop this package from the import cache if one of its files changed since it was loaded.

    `mkdocs serve` re-runs macros.py and the hooks on every rebuild within one process; without
    this, edits to qualityweek/ (watched in mkdocs.yml) would need a restart. Unchanged code is
    kept, so one build imports the package (and builds its pydantic models) only once.
    """
    package = Path(__file__).parent
    if all(path.stat().st_mtime <= _LOADED_AT for path in package.rglob("*.py")):
        return
    for name in [n for n in sys.modules if n == __name__ or n.startswith(__name__ + ".")]:
        del sys.modules[name]
