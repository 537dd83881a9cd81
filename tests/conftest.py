"""Fixtures shared by all tests."""

import pytest

from patroon_tui.core.drawing import hyphen


@pytest.fixture(autouse=True)
def _sessions_dir(tmp_path, monkeypatch):
    """Point the default sessions folder into the test's tmp_path: tests never touch ./sessions."""
    folder = tmp_path / "sessions"
    monkeypatch.setenv("PATROON_SESSIONS_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _config_dir(tmp_path, monkeypatch):
    """The laptop's settings (the theme per window) in tmp_path: no test reads or writes
    the user's own config folder, and each starts with none."""
    folder = tmp_path / "config"
    monkeypatch.setenv("PATROON_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True, scope="session")
def _hyphenation_read():
    """Read the hyphenation dictionary before any test: the app reads it in a thread soon
    after start, so a drawing made in the first fifth of a second would otherwise depend
    on how fast that thread was (a test that needs the moment before resets it itself)."""
    hyphen.load()


@pytest.fixture
def system(request, monkeypatch):
    """The system the program answers as (``tests/platforms.py``): ``linux`` (as it runs),
    ``windows`` or ``macos``; parametrize it indirectly. The simulated platform, or None."""
    from tests.platforms import as_on

    return as_on(getattr(request, "param", "linux"), monkeypatch)
