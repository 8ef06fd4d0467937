"""Pure logic of the Quality Week site: no MkDocs imports, so every part is unit-testable.

`macros.py` at the project root wires these modules into mkdocs-macros.
"""
