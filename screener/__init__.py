"""screener: a private, offline self-screening questionnaire for ketamine use."""

__version__ = "0.1.0"
