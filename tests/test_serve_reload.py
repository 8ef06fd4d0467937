"""`mkdocs serve` re-runs macros.py and the hooks in one process: unchanged pure code is imported
once (its pydantic models are built once per build), edited code is imported afresh."""

from __future__ import annotations

import subprocess
import sys

from building import copy_project

PROBE = """
import sys, os, time
sys.path.insert(0, {project!r})
import qualityweek, qualityweek.inputs.facts
first = sys.modules["qualityweek.inputs.facts"]
qualityweek.forget_if_edited()
import qualityweek.inputs.facts
print("kept" if sys.modules["qualityweek.inputs.facts"] is first else "reloaded")
later = time.time() + 5
os.utime({facts!r}, (later, later))
qualityweek.forget_if_edited()
print("forgotten" if "qualityweek.inputs.facts" not in sys.modules else "still cached")
import qualityweek.inputs.facts
print("reloaded" if sys.modules["qualityweek.inputs.facts"] is not first else "stale")
"""


def test_only_edited_code_is_imported_again(tmp_path):
    project = copy_project(tmp_path / "project")
    facts = project / "qualityweek" / "inputs" / "facts.py"
    probe = PROBE.format(project=str(project), facts=str(facts))
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["kept", "forgotten", "reloaded"]
