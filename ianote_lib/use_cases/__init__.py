"""Initiatives and use cases of named actors, and their charts."""
