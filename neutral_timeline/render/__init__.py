"""Renderers: the resolver's answers as terminal text, JSON, ICS and HTML."""
