"""Readers: one per input format, each turning a file into a :class:`SourceDocument`."""
