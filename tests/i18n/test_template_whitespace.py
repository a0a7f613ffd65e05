"""Templates may span several lines without whitespace in the page or in a msgid (issue 18).

The app's Jinja environment drops a block tag's indentation and line break (trim_blocks,
lstrip_blocks) and trims every {% trans %} block (the i18n.trimmed policy); babel.cfg extracts with
`trimmed = true`, so the msgid pybabel writes is the one the page looks up.
"""

from __future__ import annotations

import configparser
import io
from pathlib import Path

from babel.messages.extract import extract
from flask import Flask

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = """<p>
  {% if shown %}
  {% trans name=name %}
  Hallo {{ name }},
  welkom.
  {% endtrans %}
  {% endif %}
</p>"""


def test_block_tags_and_trans_blocks_leave_no_whitespace(app: Flask) -> None:
    with app.test_request_context():
        page = app.jinja_env.from_string(TEMPLATE).render(shown=True, name="Sara")
    assert page == "<p>\nHallo Sara, welkom.</p>"


def test_babel_extracts_the_msgid_the_page_looks_up() -> None:
    config = configparser.ConfigParser()
    config.read(ROOT / "babel.cfg")
    jinja_sections = [name for name in config.sections() if name.startswith("jinja2:")]
    assert jinja_sections
    for section in jinja_sections:
        options = dict(config[section])
        assert options.get("trimmed") == "true", section
        found = list(extract("jinja2", io.BytesIO(TEMPLATE.encode()), options=options))
        assert [message[1] for message in found] == ["Hallo %(name)s, welkom."]
