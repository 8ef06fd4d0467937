"""Render assets-src/share.html to docs/assets/share.png (1200×630) with Debian's chromium.

Run once after editing the HTML: .venv/bin/python assets-src/render_share.py
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs" / "assets" / "share.png"

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    page = browser.new_page(viewport={"width": 1200, "height": 630})
    page.goto((HERE / "share.html").as_uri())
    page.screenshot(path=str(OUT))
    browser.close()
print(OUT, OUT.stat().st_size, "bytes")
