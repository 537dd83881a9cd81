"""The web page as it prints: its own head and foot on every page (the session's title and
date, "pagina n van m") instead of the browser's file path and date, whatever the title
holds; headings kept with what follows them, a loop's figure never cut."""

from __future__ import annotations

import re

from patroon_tui.core.report.document import build_report
from patroon_tui.core.report.html_page import render_html
from tests.core.test_report_formats import DECK, session_with


def page_rule(page: str) -> str:
    return re.search(r"@page \{ @top-left.*\}\n", page).group()


def test_each_printed_page_has_the_sessions_head_and_foot():
    session = session_with([f"tekst {n}" for n in range(16)])
    page = render_html(build_report(session, DECK))
    rule = page_rule(page)
    assert '@top-left { content: "tekst 0";' in rule
    assert "@top-right { content: \"" in rule and str(session.session.date.year) in rule
    assert 'content: "pagina " counter(page) " van " counter(pages)' in rule


def test_a_title_cannot_end_the_style_or_its_string():
    hostile = 'x"; } body { display: none } </style><script>alert(1)</script>\\\n'
    session = session_with([hostile] + [f"t{n}" for n in range(15)])
    page = render_html(build_report(session, DECK))
    style = page[page.index("<style>"):page.index("</style>") + len("</style>")]
    assert style.count("</style>") == 1 and "<script" not in style
    rule = page_rule(page)
    content = re.search(r'@top-left \{ content: ("(?:[^"\\]|\\.)*");', rule).group(1)
    # Every sign but letters, digits and a few is a hex escape: the string is whole.
    decoded = re.sub(r"\\([0-9a-f]+) ", lambda m: chr(int(m.group(1), 16)), content[1:-1])
    assert decoded == " ".join(hostile.split())


def test_headings_stay_with_what_follows_and_figures_are_not_cut():
    page = render_html(build_report(session_with([f"t{n}" for n in range(16)]), DECK))
    assert "h2, h3, h4 { break-after: avoid;" in page
    assert "figure.loop { margin: 1rem 0; break-inside: avoid;" in page
