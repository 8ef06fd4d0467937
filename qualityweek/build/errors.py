"""The errors that stop a build over its input, as one tuple for the glue (macros.py and the
hooks): each names the file and field, or the variable, in one Russian line, never a traceback."""

from ..inputs.events import EventsError
from ..inputs.facts import FactsError
from ..inputs.paths import PathsError
from ..inputs.settings import SettingsError
from ..outputs.poster_layout import KitError

INPUT_ERRORS = (SettingsError, FactsError, EventsError, PathsError, KitError)
