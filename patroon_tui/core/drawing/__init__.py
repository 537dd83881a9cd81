"""Text fitted into terminal cells: widths, wrapping, hyphenation, and the loop drawn as a ring."""
