"""Annotate an Arabic news corpus and publish it as a static, searchable site."""

__version__ = "0.1.0"
