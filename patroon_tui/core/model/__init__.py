"""The workshop as data: the deck, the session and its records, versions, trash, timer and time kept."""
