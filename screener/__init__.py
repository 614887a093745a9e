"""screener: a private, offline self-screening questionnaire for ketamine use."""

__version__ = "0.1.0"
VERSION_LINE = f"screener {__version__}"
