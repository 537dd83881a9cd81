"""The room: what the audience windows should see, and the small files they follow it through."""
