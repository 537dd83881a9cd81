"""The report: one document rendered as Markdown, HTML (with SVG loops) and Word, privacy check, export."""
