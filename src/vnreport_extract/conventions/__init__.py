"""Vietnamese conventions as data: document types and their codes, code spellings,
authorities, position titles, units. Each entry carries real examples that the
tests check against the extractors."""
