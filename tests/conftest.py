"""Fixtures shared by all tests."""

import pytest


@pytest.fixture(autouse=True)
def _sessions_dir(tmp_path, monkeypatch):
    """Point the default sessions folder into the test's tmp_path: tests never touch ./sessions."""
    folder = tmp_path / "sessions"
    monkeypatch.setenv("PATROON_SESSIONS_DIR", str(folder))
    return folder
