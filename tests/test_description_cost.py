"""A description's rendering cost is bounded by its length, whatever its characters (issue 16).

8 KB of «[\\](» took over a second: Python-Markdown scanned the rest of the text character by
character from every «[», over a text its escapes had made longer. Not a timed test (timings go
to bench/bench.py): the work is counted as Python calls (sys.setprofile sees every function and
builtin call, the old scan's `list.append` per character among them), which is the same on any
machine. Hypothesis looks for a description that costs more than the bound.
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown.inlinepatterns import LinkInlineProcessor

from qualityweek.core import description
from qualityweek.core.description import _get_text, check_description, description_html

CALLS_PER_CHARACTER = 150  # measured: at most about 100 for «*_» repeated, 33 for «[\\](»
FIXED_CALLS = 20_000  # a short description's own overhead


def calls(text: str) -> int:
    if description._RENDERER is None:
        description_html("warm up")  # the renderer is set up once per process
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        count += 1

    sys.setprofile(profile)
    try:
        description_html.__wrapped__(text)  # not the cache: every text is rendered
    finally:
        sys.setprofile(None)
    return count


def bounded(text: str) -> bool:
    return calls(text) <= CALLS_PER_CHARACTER * len(text) + FIXED_CALLS


# The payloads and their relatives, each at the size limit (5000 characters).
WORST = {
    "brackets, backslashes, parentheses": ("[\\](" * 100 + "\\]" * 2000)[:5000],
    "escaped brackets": ("\\[" * 50 + "\\" * 4900)[:5000],
    "links never closed": ("[a](" * 100 + "\\(" * 2400)[:5000],
    "code spans after brackets": "[" * 100 + "`a`" * 1600,
    "emphasis": "*_" * 2500,
    "escaped backticks": ("`" * 100 + "\\`" * 2400)[:5000],
}


@pytest.mark.parametrize("name", WORST)
def test_worst_known_descriptions_cost_in_proportion_to_their_length(name):
    text = WORST[name]
    check_description(text)  # each is a description the build accepts
    assert bounded(text), (name, calls(text))


HOSTILE = st.text(alphabet=st.sampled_from("[]()\\`*_<>!&#\"' \n-:/a1я"), min_size=1,
                  max_size=5000)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.data_too_large])
@given(HOSTILE)
def test_no_description_costs_more_than_its_length_allows(text):
    try:
        check_description(text)
    except ValueError:
        return
    assert bounded(text), calls(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("[]a\\"), max_size=60), st.integers(0, 60))
def test_the_fast_bracket_scan_finds_what_markdowns_own_finds(data, index):
    index = min(index, len(data))
    own = LinkInlineProcessor.getText(None, data, index)
    assert _get_text(None, data, index) == own
