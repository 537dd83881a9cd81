"""The one way a report reaches a file, for the command line and the summary alike."""

from __future__ import annotations

import stat

import pytest

from patroon_tui.core.report.export import ExportError, save_report, target_problem


def test_a_report_is_written_whole_and_private(tmp_path):
    target = tmp_path / "verslag.md"
    save_report(target, b"# Verslag\n", replace=False)
    assert target.read_bytes() == b"# Verslag\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        save_report(target, b"anders", replace=False)
    assert target.read_bytes() == b"# Verslag\n"
    save_report(target, b"anders", replace=True)
    assert target.read_bytes() == b"anders"


def test_a_place_that_cannot_be_written_is_one_sentence_naming_the_file(tmp_path):
    missing = tmp_path / "weg" / "verslag.md"
    with pytest.raises(ExportError) as error:
        save_report(missing, b"x", replace=True)
    assert str(error.value) == (f"Het verslag kan niet worden geschreven naar {missing}: de map "
                                f"{missing.parent} bestaat niet; kies een andere plek.")
    with pytest.raises(ExportError) as error:
        save_report(tmp_path, b"x", replace=True)
    assert str(error.value) == (f"Het verslag kan niet worden geschreven naar {tmp_path}: "
                                "dat is een map, geen bestand.")


def test_no_report_over_a_session_in_any_of_the_folders(tmp_path):
    one, two = tmp_path / "een", tmp_path / "twee"
    one.mkdir(), two.mkdir()
    assert target_problem(two / "x.toml", [one]) is None
    problem = target_problem(two / "x.toml", [one, two])
    assert problem is not None and str(two / "x.toml") in problem and "sessiemap" in problem
