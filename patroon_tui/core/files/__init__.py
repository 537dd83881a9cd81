"""Files on disk: safe reading, the one atomic write, locks, TOML a reader can trust, the store's errors."""
