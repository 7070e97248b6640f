"""Errors the user can act on: each says where the problem is and how to fix it."""

from __future__ import annotations


class AnnotateError(Exception):
    """Base class: the message is one line that names the file (and line or key) at fault."""


class InputError(AnnotateError):
    """A corpus file, front matter or registry entry is unusable."""


class ConfigError(AnnotateError):
    """A configuration value is invalid."""


class ModelError(AnnotateError):
    """The entity model is missing, corrupt or not downloaded."""


class BuildError(AnnotateError):
    """The site could not be built; the previous site was left untouched."""
