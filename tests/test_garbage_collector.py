"""The garbage collector is paused while the app starts and always runs again after."""

from __future__ import annotations

import gc

import pytest

from patroon_tui import cli, garbage_collector as collector


@pytest.fixture(autouse=True)
def collector_back_on():
    yield
    gc.enable()


def test_resume_runs_the_collector_again_after_a_pause():
    collector.pause()
    assert not gc.isenabled()
    collector.resume()
    assert gc.isenabled()
    assert gc.get_threshold()[0] >= collector.THRESHOLD


def test_resume_freezes_what_start_up_built_once_per_process():
    collector.resume()
    frozen = gc.get_freeze_count()
    collector.pause()
    collector.resume()
    assert gc.get_freeze_count() == frozen


def test_the_command_line_turns_it_back_on_when_the_app_cannot_start(tmp_path, capsys):
    # Without a terminal the app does not run; a session that cannot be read never gets
    # to a screen. Neither leaves the process without its collector.
    folder = tmp_path / "sessies"
    assert cli.main(["new", "--title", "Meting", "--sessions-dir", str(folder)]) == 0
    assert gc.isenabled()
    broken = folder / "kapot.toml"
    broken.write_text("[session\n", encoding="utf-8")
    assert cli.main(["open", str(broken), "--sessions-dir", str(folder)]) == 1
    assert gc.isenabled()
    assert "kapot" in capsys.readouterr().err


def test_a_page_turn_holds_collections_off_until_allowed():
    gc.enable()
    assert collector.postpone()
    assert not gc.isenabled()
    assert not collector.postpone()  # a second turn meanwhile: the first one allows
    collector.allow()
    assert gc.isenabled()


def test_nothing_is_held_off_while_the_collector_is_paused():
    collector.pause()
    assert not collector.postpone()
    assert not gc.isenabled()
    collector.resume()
    assert gc.isenabled()


def test_commands_other_than_the_app_run_with_the_collector_on(tmp_path, monkeypatch):
    # Paused only while the command line starts; ``list`` or ``export`` on a big folder runs
    # as any program does.
    from patroon_tui.cli import listing

    seen = []
    monkeypatch.setattr(listing, "list_sessions", lambda store: seen.append(gc.isenabled()) or 0)
    assert cli.main(["list", "--sessions-dir", str(tmp_path)]) == 0
    assert seen == [True]
    assert gc.isenabled()
