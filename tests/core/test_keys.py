"""Key names as the footer and the help screen show them."""

from patroon_tui.core.text.key_names import format_key, format_keys


def test_key_names_are_readable():
    assert format_keys("right,pagedown,space,n") == "→, PgDn, Spatie, n"
    assert format_keys("alt+left,ctrl+pageup") == "Alt+←, Ctrl+PgUp"
    assert format_keys("R") == "Shift+R"
    assert format_keys("f2") == "F2"
    assert format_key("ctrl+p") == "Ctrl+P"
    assert format_key("alt+up") == "Alt+↑"
    assert format_key("question_mark") == "?"
