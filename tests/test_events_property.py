"""Property: whatever an event file holds, the loader returns an Event or raises EventsError
(one message naming the file), never another exception, and quickly (Hypothesis' deadline)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from fixtures import EVENTS, MUNICIPALITIES, VALID

from qualityweek.core.description import description_html
from qualityweek.inputs.events import (FIELDS, FORMATS, KINDS, Event, EventsError, EventSource,
                                       parse_event)

SOURCE = EventSource(Path("x.md"), f"{EVENTS}/2026/x.md", 2026, "x")
# Characters that mean something to YAML, Markdown or HTML, and a few that must be refused.
SPECIAL = list(":-#&*!|>'\"%@`{}[](),?<>\\/=~^_+.\t\n\r\x00\x1b\u202e\u2028")
texts = st.lists(st.one_of(st.sampled_from([*SPECIAL, "---", "  "]), st.characters()),
                 max_size=120).map("".join)
values = st.one_of(
    texts,
    st.sampled_from([*KINDS, *FORMATS, *MUNICIPALITIES[:5], "2026-11-12", "2026-11-12 10:00",
                     "https://example.org/", "null", "~", "[a, b]", "{a: b}", "&a x", "*a",
                     "!!python/object x", "0123", "no", "10:00", "'кавычки'", '"\\x1b"']),
)
front_matter = st.one_of(
    # field by field, each value possibly hostile
    st.dictionaries(st.sampled_from([*FIELDS, "slug", "extra", "<<", "[a]"]), values,
                    max_size=12).map(lambda d: "".join(f"{k}: {v}\n" for k, v in d.items())),
    # the valid event with one field replaced
    st.tuples(st.sampled_from(FIELDS), values).map(
        lambda kv: "".join(f"{k}: {kv[1] if k == kv[0] else v}\n"
                           for k, v in VALID.items() if v is not None)),
    texts,  # anything at all
)
descriptions = st.one_of(
    texts,
    st.lists(st.sampled_from(["[", "](", "(", ")", "![", "<", "a@b.ru>", "http://x", "*", "_",
                              "`", "1. ", "> ", "- ", "\n", "    ", "&#", "{: x}", "текст "]),
             max_size=400).map("".join),
)


@settings(max_examples=300, deadline=timedelta(seconds=2),
          suppress_health_check=[HealthCheck.too_slow])
@given(front=front_matter, body=descriptions)
def test_any_event_file_is_an_event_or_one_clear_error(front, body):
    text = f"---\n{front}---\n{body}"
    try:
        event = parse_event(text, SOURCE, MUNICIPALITIES)
    except EventsError as error:
        message = str(error)
        assert message and all(line.startswith(f"{EVENTS}/2026/x.md") or line.startswith("…")
                               for line in message.splitlines()), message
        assert max(len(line) for line in message.splitlines()) < 600, message
        return
    assert isinstance(event, Event)
    html = description_html(event.description)  # what the page will render, also bounded
    assert "<script" not in html.lower() and "javascript:" not in html.split("(")[0]
