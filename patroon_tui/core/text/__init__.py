"""Text as the reader sees it: Dutch wording, text made safe for a terminal, key names."""
