"""Batch conversion of whole archives: files, folders, globs and ``.zip`` archives in,
one JSON per report, ``reports.jsonl``, a manifest and analytics tables out.

The flow, one module per step: :mod:`.inputs` (what to read, zip members checked) →
:mod:`.plan` (what to parse: resume, duplicates; the manifest) → an executor that hashes
and parses: :mod:`.local` (a pool of worker processes, :mod:`.worker`, each document
under a timeout) or :mod:`.dask` (a Dask cluster) → :mod:`.outputs` (atomic writes) →
:mod:`.tables` (reports flattened into one row per record). :mod:`.api` holds
``convert`` and ``iter_reports``; :mod:`.cli` adds the ``convert`` command.

Nothing here imports pandas, pyarrow or dask at import time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

# Names are imported on first use: the command line's parser and a worker process import
# this package without paying for the whole run's machinery.
_EXPORTS = {"ArchiveRefusedError": "inputs", "ConvertSummary": "api", "convert": "api", "iter_reports": "api",
            "TABLE_NAMES": "tables", "csv_dtypes": "tables", "report_id": "tables", "report_rows": "tables",
            "to_frames": "tables"}

__all__ = ["TABLE_NAMES", "ArchiveRefusedError", "ConvertSummary", "convert", "csv_dtypes", "iter_reports",
           "report_id", "report_rows", "to_frames"]


__getattr__ = lazy_exports(__name__, _EXPORTS, globals())


if TYPE_CHECKING:
    from .api import ConvertSummary, convert, iter_reports
    from .inputs import ArchiveRefusedError
    from .tables import TABLE_NAMES, csv_dtypes, report_id, report_rows, to_frames
