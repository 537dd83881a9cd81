"""The session file: its TOML text, what it must be, the sessions folder, others' edits, rescue copies."""
