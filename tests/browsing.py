"""A reader's browser for the gates: phone and desktop contexts that record every request and
every console or page error."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field

VIEWPORTS = {
    "phone": dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                  device_scale_factor=3),
    "desktop": dict(viewport={"width": 1280, "height": 800}),
}


@dataclass
class Session:
    page: object  # playwright Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign_requests(self, base_url: str) -> list[str]:
        """Requests that left the local server (data: and blob: URLs stay in the page)."""
        return [url for url in self.requests
                if not url.startswith((base_url, "data:", "blob:"))]


@contextmanager
def reader(browser, viewport: str | dict, color_scheme: str = "light"):
    """A fresh browser context (no stored palette or cache) on one viewport: a name from
    VIEWPORTS or the context's own options."""
    options = VIEWPORTS[viewport] if isinstance(viewport, str) else viewport
    context = browser.new_context(**options, color_scheme=color_scheme,
                                  locale="ru-RU", service_workers="block")
    session = Session(page=context.new_page())
    context.on("request", lambda request: session.requests.append(request.url))
    session.page.on("console", lambda message: message.type == "error"
                    and session.errors.append(f"console: {message.text}"))
    session.page.on("pageerror", lambda error: session.errors.append(f"page error: {error}"))
    try:
        yield session
    finally:
        context.close()


def in_viewport(locator) -> bool:
    """The element is whole on the reader's screen (its page's viewport), not scrolled away."""
    box = locator.bounding_box()
    height = locator.page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


# -- the «Предложить мероприятие» form, filled as a reader fills it -----------------------------

FORM_SELECTS = ("municipality", "kind", "format")


def fill_form(page, values: dict) -> None:
    """Once the form shows (after its rules are read), each field typed or chosen ("" chooses a
    list's empty option)."""
    page.wait_for_selector("form[data-qw-form]:not([hidden])")
    for name, value in values.items():
        field = page.locator(f"form [name='{name}']")
        if name in FORM_SELECTS:
            field.select_option(value)
        else:
            field.fill(value)
