"""Properties of the build's fast paths: each gives exactly what the slow, library way gives.

- YAML: libyaml's parser events give what the careful pure-Python loader gives, or hand the
  text over to it; never a different value.
- .ics folding: our folding gives the bytes icalendar's own folding gives.
- A description as plain text: read by the XML parser, the same text as by html.parser.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from icalendar.parser import Contentline
from test_events_property import descriptions

from qualityweek.core.description import description_html
from qualityweek.core.plain_text import _joined, _read
from qualityweek.inputs import yaml_input
from qualityweek.inputs.yaml_input import YamlInputError, load_yaml
from qualityweek.outputs.ics import _folded

# pieces of YAML syntax, so random texts are often valid YAML and often nearly valid
PIECES = ["a", "b", "2025", "'2025'", '"x"', ": ", ":", "- ", "\n", "  ", "\t", "[", "]", "{",
          "}", ", ", "#", "&x ", "*x", "! ", "!!str ", "<<", "~", "null", "'", '"', "---\n",
          "|\n", ">\n", "? ", "0123", "no", "10:00", "тест", "\\", "%"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.characters()), max_size=60).map("".join)


def careful(text: str):
    try:
        return ("value", yaml.load(text, Loader=yaml_input._Loader))  # noqa: S506
    except Exception as error:  # noqa: BLE001 - any refusal is compared by kind only
        return ("refused", type(error).__name__)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml has one way")
@settings(max_examples=1500, deadline=None)
@given(texts)
@example("[a?]")  # libyaml reads it, PyYAML refuses it (found by this test)
def test_fast_way_agrees_with_the_careful_loader(text):
    try:
        fast = yaml_input._plain_load(text)
    except yaml_input._Unusual:
        return
    assert careful(text) == ("value", fast)


@pytest.mark.parametrize("text, value", [
    ("a: b\nc: 'x'\nd:\ne: ~\nf: [1, {g: h}]\n",
     {"a": "b", "c": "x", "d": None, "e": None, "f": ["1", {"g": "h"}]}),
    ("- a\n- '~'\n- \"null\"\n- 0123\n- no\n- 10:00\n", ["a", "~", "null", "0123", "no", "10:00"]),
    ("", None),
])
def test_common_files_take_the_fast_way(text, value):
    assert yaml_input._plain_load(text) == value == load_yaml(text)


@pytest.mark.parametrize("text", ["title: X\n\ufeff# note\n",
                                  "a: 1\na: 2", "2025: x\n'2025': y", "[a]: b", "<<: x",
                                  "a: &x b", "a: *x", "a: !!int 1", "---\na\n---\nb", "a:\n\tb",
                                  "a:\n\tb: c"])
def test_unusual_texts_take_the_careful_way(text):
    with pytest.raises(yaml_input._Unusual):
        yaml_input._plain_load(text)
    with pytest.raises(YamlInputError):
        load_yaml(text)


def test_a_byte_order_mark_inside_takes_the_careful_way():
    """libyaml skips U+FEFF at the start of any line, PyYAML keeps it: one rule, PyYAML's;
    and before either, an invisible character inside a file is refused with its line."""
    text = "a: [x,\n\ufeffy]\n"
    with pytest.raises(yaml_input._Unusual):
        yaml_input._plain_load(text)
    with pytest.raises(YamlInputError, match="строка 2, поле «a»: недопустимый символ — "
                                             "невидимый знак BOM"):
        load_yaml(text)


def test_deep_nesting_takes_the_careful_way():
    deep = "[" * 40 + "]" * 40
    with pytest.raises(yaml_input._Unusual):
        yaml_input._plain_load(deep)
    assert load_yaml(deep) == yaml.safe_load(deep)


# .ics lines: Cyrillic (2 octets), CJK (3), emoji (4) and escapes, around the 75-octet limit
lines = st.lists(st.sampled_from(["a", "я", "中", "😀", "\\", "\\n", "\\,", "^", ";", " "]),
                 max_size=200).map(lambda parts: "DESCRIPTION:" + "".join(parts))


@settings(max_examples=1000, deadline=None)
@given(lines)
def test_folding_gives_icalendars_bytes(line):
    folded = _folded(line)
    assert folded == Contentline(line).to_ical()
    assert all(len(physical) <= 75 for physical in folded.split(b"\r\n"))


@settings(max_examples=500, deadline=None)
@given(descriptions)
@example("    [\n<")  # html.parser once got Markup and escaped «<» when joining the parts
@example("\ud800")  # not encodable: the XML parser refuses it
def test_plain_text_is_the_same_by_either_parser(text):
    html = description_html(text)
    assert _joined(_read(html)) == _joined(_read(html, fast=False))
