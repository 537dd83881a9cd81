"""patroon-tui: run the workshop *Samenwerken in interafhankelijkheid* from the terminal."""

__version__ = "0.1.0"
