"""The laptop's settings file: the theme per kind of window, remembered; a broken or
hostile file is ignored (the default theme), never a crash."""

from __future__ import annotations

import os
import sys

import pytest

from patroon_tui.core.files import settings
from patroon_tui.core.files.settings import read_theme, save_theme, settings_path


def test_without_a_file_each_window_has_the_default_theme():
    assert read_theme("begeleider") == "standaard"
    assert read_theme("publiek") == "standaard"
    assert not settings_path().exists()


def test_a_theme_is_remembered_per_kind_of_window(_config_dir):
    save_theme("publiek", "beamer")
    assert read_theme("publiek") == "beamer"
    assert read_theme("begeleider") == "standaard"
    save_theme("begeleider", "beamer")
    save_theme("publiek", "standaard")
    assert (read_theme("begeleider"), read_theme("publiek")) == ("beamer", "standaard")
    assert settings_path().parent == _config_dir
    assert settings_path().read_text(encoding="utf-8") == (
        '[thema]\npubliek = "standaard"\nbegeleider = "beamer"\n')
    assert settings_path().stat().st_mode & 0o777 == 0o600


def test_without_the_variable_the_users_config_folder_is_used(monkeypatch, tmp_path):
    monkeypatch.delenv("PATROON_CONFIG_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    if sys.platform != "linux":
        pytest.skip("the XDG folder is Linux's")
    assert settings_path() == tmp_path / "xdg" / "patroon" / "instellingen.toml"


def test_an_unknown_theme_is_refused_with_a_sentence_naming_the_themes():
    with pytest.raises(ValueError, match="Thema 'donker' bestaat niet; kies standaard of beamer"):
        save_theme("publiek", "donker")
    assert settings.unknown_theme("beamer") is None


def _hostile(path, kind):
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "kapotte-toml":
        path.write_text('[thema\npubliek = "beamer"\n', encoding="utf-8")
    elif kind == "onbekend-thema":
        path.write_text('[thema]\npubliek = "neon"\n', encoding="utf-8")
    elif kind == "verkeerd-type":
        path.write_text('thema = 3\n', encoding="utf-8")
    elif kind == "geen-utf8":
        path.write_bytes(b'[thema]\npubliek = "\xff"\n')
    elif kind == "te-groot":
        path.write_text('[thema]\npubliek = "beamer"\n' + "# " * 100_000, encoding="utf-8")
    elif kind == "diep":
        path.write_text("x = " + "[" * 5000 + "]" * 5000 + '\n[thema]\npubliek = "beamer"\n',
                        encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "link":
        real = path.parent / "echt.toml"
        real.write_text('[thema]\npubliek = "beamer"\n', encoding="utf-8")
        path.symlink_to(real)
    elif kind == "link-naar-dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "map":
        path.mkdir()


KINDS = ["kapotte-toml", "onbekend-thema", "verkeerd-type", "geen-utf8", "te-groot", "diep",
         "fifo", "link", "link-naar-dev-zero", "map"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_broken_or_hostile_file_gives_the_default_theme(kind):
    _hostile(settings_path(), kind)
    assert read_theme("publiek") == "standaard"


@pytest.mark.parametrize("kind", ["kapotte-toml", "fifo", "link", "link-naar-dev-zero"])
def test_saving_replaces_a_broken_or_hostile_file_and_never_writes_through_it(kind):
    _hostile(settings_path(), kind)
    save_theme("publiek", "beamer")
    assert read_theme("publiek") == "beamer"
    assert not settings_path().is_symlink()
    if kind == "link":
        real = settings_path().parent / "echt.toml"
        assert real.read_text(encoding="utf-8") == '[thema]\npubliek = "beamer"\n'
