"""Extractors: pure functions from the normalised text (and the layout the readers
found) to typed records. One module per kind of record."""
