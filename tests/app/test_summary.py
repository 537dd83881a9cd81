"""The summary screen: the report shown in one place, exported to a file of one's choosing."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.report.markdown import render_report
from patroon_tui.core.sessionfile.store import SessionStore
from patroon_tui.dialogs.confirm import ConfirmScreen
from patroon_tui.dialogs.export import ExportReportScreen
from patroon_tui.widgets.recording import SessionPlace
from patroon_tui.widgets.report_view import ReportView
from patroon_tui.widgets.summary import SummaryPanel
from tests.app.body_harness import BodyHarness, paste_text
from tests.app.screen_text import screen_rows
from tests.waiting import until


@pytest.fixture
def deck():
    return load_deck()


@pytest.fixture
def saved(deck, tmp_path):
    store = SessionStore(tmp_path / "sessions")
    session = store.create(title="Wijkteam Noord", deck=deck)
    session.tables[0].answers["herkenbaar"] = "Ja, \"elke\" week 😀"
    return session, store.save(session)


def make_app(deck, session, path) -> BodyHarness:
    return BodyHarness(deck, session, lambda d, s: SummaryPanel(d, s, place=SessionPlace(path), id="body"))


def report_lines(app) -> list[str]:
    """Every line the summary's report shows (drawn to the end), without trailing spaces."""
    return [line.rstrip() for line in app.query_one("#summary-report", ReportView).plain_lines()]


async def test_the_report_is_shown(deck, saved):
    session, path = saved
    app = make_app(deck, session, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Wijkteam Noord" in "".join(screen_rows(app)))
        lines = report_lines(app)
        assert [line.strip() for line in lines[:2]] == ["", "Wijkteam Noord"]
        # Every heading and every typed answer of the report is there, in the same order.
        wanted = [line.lstrip("#").strip() for line in render_report(session, deck).splitlines()
                  if line.startswith("#")] + ['Ja, "elke" week 😀']
        for text in wanted:
            assert any(text in line for line in lines), text
        headings = [n for n, line in enumerate(lines) if line.strip() in wanted]
        assert headings == sorted(headings)
        # The collaboration triangle drawn, its layers beside it.
        assert any("/\\" in line for line in lines)
        assert any("1  Over doel en vakinhoud" in line for line in lines)
        session.tables[0].answers["bijdrage"] = "nieuw"
        app.query_one(SummaryPanel).refresh_from_session()
        await pilot.pause()
        assert "nieuw" in report_lines(app)


async def test_the_report_of_many_tables_is_shown_from_its_first_lines_and_drawn_to_the_end(
    deck, saved
):
    from patroon_tui.core.model.session import Table

    session, path = saved
    session.tables = [Table(id=f"tafel-{n}", name=f"Tafel {n}", pattern="wereldvrede",
                            answers={"herkenbaar": f"Antwoord {n}\ntweede regel {n}"})
                      for n in range(1, 301)]
    session.notes["programma"] = "Notitie.\n" * 3000
    app = make_app(deck, session, path)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one("#summary-report", ReportView)
        await until(pilot, lambda: "Gekozen patronen" in "".join(screen_rows(app)))
        await until(pilot, lambda: view.complete)  # the rest drawn after the first frame
        await pilot.pause()
        assert view.virtual_size.height > 3000 + 300 * 2
        view.focus()
        await pilot.press("end")
        await until(pilot, lambda: "Notitie." in "".join(screen_rows(app)))
        lines = report_lines(app)
        assert "Antwoord 300" in lines and "tweede regel 300" in lines
        assert lines.count("Notitie.") == 3000


async def test_export_writes_the_report_beside_the_session_and_names_it(deck, saved):
    session, path = saved
    app = make_app(deck, session, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportReportScreen)
        target = path.with_name(f"{path.stem}-verslag.md")
        assert app.screen.query_one("#export-path", Input).value == str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == render_report(session, deck)
        assert f"Verslag opgeslagen: {target}" in app.notices
        assert [p.name for p in target.parent.iterdir() if p.name.startswith(".")] == []

        await pilot.press("ctrl+e")  # again: the file exists, so it asks first
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert app.screen.question == f"{target.name} bestaat al. Overschrijven?"
        await pilot.press("escape")
        await pilot.pause()
        assert app.notices.count(f"Verslag opgeslagen: {target}") == 1


async def test_an_unwritable_place_is_said_in_one_sentence(deck, saved, tmp_path):
    session, path = saved
    app = make_app(deck, session, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k")
        missing = tmp_path / "bestaat-niet" / "verslag.md"
        await paste_text(pilot, str(missing))
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not missing.exists()
        assert (f"Het verslag kan niet worden geschreven naar {missing}: de map "
                f"{missing.parent} bestaat niet; kies een andere plek.") in app.notices


async def test_export_never_writes_over_the_session_and_is_private(deck, saved):
    session, path = saved
    before = path.read_bytes()
    app = make_app(deck, session, path)
    async with app.run_test(size=(80, 24)) as pilot:
        for target in (path, path.with_name("nieuw.toml")):
            await pilot.press("ctrl+e")
            await pilot.pause()
            await pilot.press("ctrl+a", "ctrl+k")
            await paste_text(pilot, str(target))
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not isinstance(app.screen, ConfirmScreen)
            assert any(str(target) in n and "sessiemap" in n for n in app.notices)
        assert path.read_bytes() == before
        assert not path.with_name("nieuw.toml").exists()

        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("enter")  # the proposed <session>-verslag.md
        await app.workers.wait_for_complete()
        await pilot.pause()
    report = path.with_name(f"{path.stem}-verslag.md")
    assert report.stat().st_mode & 0o777 == 0o600


async def test_a_session_elsewhere_written_by_hand_is_never_replaced(deck, saved, tmp_path):
    # Recognised by parsing: a quoted key after more than a megabyte of comments.
    session, path = saved
    text = path.read_text("utf-8").replace("format =", '"format" =', 1)
    elsewhere = tmp_path / "kopie.md"
    elsewhere.write_text("# opmerking\n" * 100_000 + text, encoding="utf-8")
    before = elsewhere.read_bytes()
    app = make_app(deck, session, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k")
        await paste_text(pilot, str(elsewhere))
        await pilot.press("enter")
        await until(pilot, lambda: any("is een sessiebestand" in n for n in app.notices))
        assert not isinstance(app.screen, ConfirmScreen)
    assert elsewhere.read_bytes() == before


async def test_control_characters_in_notes_are_shown_escaped(deck, saved):
    session, path = saved
    session.tables[0].answers["bijdrage"] = "a\x1b]0;gekaapt\x07b"
    app = make_app(deck, session, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = "\n".join(report_lines(app))
        assert "\x1b" not in shown and "a\\x1b]0;gekaapt\\x07b" in shown
        assert "\x1b" not in "".join(screen_rows(app))
    # The exported file keeps the text exactly.
    assert "a\x1b]0;gekaapt\x07b" in render_report(session, deck)


async def open_export(pilot, app) -> ExportReportScreen:
    await pilot.press("ctrl+e")
    await until(pilot, lambda: isinstance(app.screen, ExportReportScreen))
    return app.screen


async def test_word_is_chosen_with_the_buttons_and_the_name_follows(deck, saved):
    import docx

    session, path = saved
    app = make_app(deck, session, path)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_export(pilot, app)
        await pilot.press("shift+tab", "right", "right", "enter")  # the format buttons
        target = path.with_name(f"{path.stem}-verslag.docx")
        await until(pilot, lambda: dialog.query_one("#export-path", Input).value == str(target))
        await pilot.press("tab", "enter")  # back in the file name: enter saves
        await until(pilot, target.exists)
        await app.workers.wait_for_complete()
    word = docx.Document(str(target))
    assert "Ja, \"elke\" week 😀" in [p.text for p in word.paragraphs]
    assert target.stat().st_mode & 0o777 == 0o600


async def test_the_one_page_summary_is_a_choice_in_the_dialog(deck, saved):
    session, path = saved
    app = make_app(deck, session, path)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_export(pilot, app)
        await pilot.press("tab", "tab", "enter")  # past the notes: the short summary
        await until(pilot, lambda: dialog.query_one("#export-short").value)
        await pilot.press("shift+tab", "shift+tab", "enter")  # back in the file name: save
        target = path.with_name(f"{path.stem}-verslag.md")
        await until(pilot, target.exists)
        await app.workers.wait_for_complete()
    text = target.read_text("utf-8")
    assert "## Herkende patronen" in text and "## Tafels" not in text


async def test_the_agreements_go_to_a_spreadsheet_with_the_last_button(deck, saved):
    session, path = saved
    app = make_app(deck, session, path)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_export(pilot, app)
        await pilot.press("shift+tab", "right", "right", "right", "right", "enter")
        target = path.with_name(f"{path.stem}-verslag.csv")
        await until(pilot, lambda: dialog.query_one("#export-path", Input).value == str(target))
        await pilot.press("tab", "enter")
        await until(pilot, target.exists)
        await app.workers.wait_for_complete()
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsoort;nummer;tekst;eigenaar;tafel;patroon\r\n")
    assert target.stat().st_mode & 0o777 == 0o600


async def test_personal_data_is_listed_before_writing_and_can_be_replaced(deck, saved):
    session, path = saved
    session.tables[0].answers["bijdrage"] = "Bel 06-12345678 of mail piet@gemeente.nl"
    app = make_app(deck, session, path)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_export(pilot, app)
        listed = [str(s.render()) for s in dialog.query(".finding")]
        assert len(listed) == 2
        assert listed[0].startswith("• telefoonnummer ‘06-12345678’ in Tafel 1, vraag ‘")
        assert listed[1].startswith("• e-mailadres ‘piet@gemeente.nl’ in Tafel 1")
        # Past the notes and short choices and the list of what was found: replace them.
        await pilot.press("tab", "tab", "tab", "tab", "enter")
        await until(pilot, lambda: dialog.query_one("#export-redact").value)
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab", "enter")
        target = path.with_name(f"{path.stem}-verslag.md")
        await until(pilot, target.exists)
        await app.workers.wait_for_complete()
    text = target.read_text("utf-8")
    assert "Bel [telefoonnummer verwijderd] of mail [e-mailadres verwijderd]" in text
    assert "06-12345678" not in text and "piet@gemeente.nl" not in text
    # The session itself keeps what was typed.
    assert session.tables[0].answers["bijdrage"] == "Bel 06-12345678 of mail piet@gemeente.nl"


async def test_the_notes_can_be_left_out_of_the_file(deck, saved):
    session, path = saved
    session.notes["programma"] = "Alleen voor mij"
    app = make_app(deck, session, path)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_export(pilot, app)
        assert not dialog.query("#export-redact")  # nothing found: nothing to replace
        await pilot.press("tab", "enter")
        await until(pilot, lambda: not dialog.query_one("#export-notes").value)
        await pilot.press("shift+tab", "enter")
        target = path.with_name(f"{path.stem}-verslag.md")
        await until(pilot, target.exists)
        await app.workers.wait_for_complete()
    assert "Alleen voor mij" not in target.read_text("utf-8")
    assert "Ja, \"elke\" week" in target.read_text("utf-8")


async def test_a_report_that_cannot_be_made_is_said_and_the_app_goes_on(deck, saved, monkeypatch):
    from patroon_tui.widgets import summary as summary_module

    def broken(*args, **kwargs):
        raise ValueError("kapot")

    monkeypatch.setattr(summary_module, "export_report", broken)
    session, path = saved
    app = make_app(deck, session, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(pilot, app)
        await pilot.press("enter")
        await until(pilot, lambda: any("kon niet worden gemaakt" in n for n in app.notices))
        assert app.is_running
        assert not path.with_name(f"{path.stem}-verslag.md").exists()


async def test_letters_and_space_in_the_export_go_into_the_file_name(deck, saved):
    """No printable key is a command in the export: on a choice it goes into the name."""
    from tests.app.test_typing import burst

    session, path = saved
    app = make_app(deck, session, path)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_export(pilot, app)
        name = dialog.query_one("#export-path", Input)
        proposed = name.value
        notes = dialog.query_one("#export-notes")
        # Tab to "Notities opnemen"; space and the letters there are text for the name.
        await burst(pilot, "<tab>", " jn q?",
                    until=lambda: name.value.endswith(" jn q?"))
        assert name.value == proposed + " jn q?"
        assert notes.value is True  # space did not untick it
        assert app.screen is dialog
        await burst(pilot, "<escape>", until=lambda: app.screen is not dialog)
    assert not path.with_name(f"{path.stem}-verslag.md").exists()


def many_tables(session, count: int = 300) -> None:
    from patroon_tui.core.model.session import Table

    session.tables = [Table(id=f"tafel-{n}", name=f"Tafel {n}", pattern="wereldvrede",
                            answers={"herkenbaar": f"Antwoord {n}\ntweede regel {n}"})
                      for n in range(1, count + 1)]


async def test_a_changed_report_far_down_shows_the_change_where_the_facilitator_reads(
    deck, saved
):
    session, path = saved
    many_tables(session)
    session.notes["programma"] = "Notitie.\n" * 2000
    app = make_app(deck, session, path)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one("#summary-report", ReportView)
        await until(pilot, lambda: view.complete)
        view.focus()
        await pilot.press("end")
        await until(pilot, lambda: "Notitie." in "".join(screen_rows(app)))
        session.notes["programma"] = "Notitie.\n" * 1999 + "Een nieuwe laatste regel.\n"
        app.query_one(SummaryPanel).refresh_from_session()
        await until(pilot, lambda: "Een nieuwe laatste regel." in "".join(screen_rows(app)))
        assert view.scroll_offset.y > 1000  # still where it was read, not back at the top


async def test_letters_typed_on_a_big_summary_while_it_is_drawn_go_into_its_notes(deck, store):
    """The report of a big session is drawn after its first frame, a piece at a time: the
    letters typed meanwhile all land in the summary's notes, in order."""
    from patroon_tui.app import PatroonApp
    from tests.app.test_typing import burst

    session = store.create(title="Wijkteam Noord", deck=deck)
    many_tables(session, 500)
    session.notes["programma"] = "Notitie.\n" * 5000
    session.progress.screen = "samenvatting"
    path = store.save(session)
    app = PatroonApp(deck, store, store.load(path), path)
    typed = "de zaal kijkt mee, 42 keer! " * 4
    async with app.run_test(size=(80, 24)) as pilot:
        view = await until_mounted(pilot, app)
        await until(pilot, lambda: "Gekozen patronen" in "".join(screen_rows(app)))
        # Typed at once, while the rest of the report (thousands of lines) is being drawn.
        await burst(pilot, typed, until=lambda: app.screen.notes.text_area.text == typed)
        await until(pilot, lambda: view.complete)
        await pilot.press("ctrl+q")
    assert store.load(path).notes["samenvatting"] == typed


async def until_mounted(pilot, app) -> ReportView:
    await until(pilot, lambda: app.screen.query("#summary-report"))
    return app.screen.query_one("#summary-report", ReportView)


async def test_in_the_app_the_report_goes_beside_the_session_file_and_never_into_the_sessions(
    deck, store, tmp_path
):
    """A session opened from elsewhere (``patroon open PAD``): the report is proposed beside
    its file, and a name in the folder of sessions is refused as in the session's own."""
    from patroon_tui.app import PatroonApp

    session = store.create(title="Wijkteam Noord", deck=deck)
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    path = elsewhere / "wijkteam.toml"
    path.write_bytes(store.save(session).read_bytes())
    session.progress.screen = "samenvatting"
    app = PatroonApp(deck, store, session, path)
    told: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        notify = app.notify
        app.notify = lambda message, **kw: (told.append(str(message)), notify(message, **kw))
        await until(pilot, lambda: app.screen.query("#summary-export"))
        await pilot.press("ctrl+e")
        await until(pilot, lambda: isinstance(app.screen, ExportReportScreen))
        field = app.screen.query_one("#export-path", Input)
        assert field.value == str(elsewhere / "wijkteam-verslag.md")
        target = store.folder / "nieuw.toml"
        await pilot.press("ctrl+a", "ctrl+k")
        await paste_text(pilot, str(target))
        await pilot.press("enter")
        await until(pilot, lambda: any(str(target) in n and "sessiemap" in n for n in told))
        assert not target.exists()
        await pilot.press("ctrl+q")
