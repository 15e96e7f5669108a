"""Batch conversion of whole archives: files, folders, globs and ``.zip`` archives in,
one JSON per report, ``reports.jsonl``, a manifest and analytics tables out.

The flow, one module per step: :mod:`.inputs` (what to read, zip members checked) →
:mod:`.worker` (a pool of worker processes, each document under a timeout) →
:mod:`.outputs` (atomic writes, the manifest) → :mod:`.tables` (reports flattened into
one row per record) → :mod:`.api` (``convert``, ``iter_reports``). :mod:`.cli` adds the
``convert`` command; :mod:`vnreport_extract.dask` runs the same steps on a Dask cluster.

Nothing here imports pandas, pyarrow or dask at import time.
"""

from __future__ import annotations

from .api import ConvertSummary, convert, iter_reports
from .tables import TABLE_NAMES, report_id, report_rows, to_frames

__all__ = ["TABLE_NAMES", "ConvertSummary", "convert", "iter_reports", "report_id", "report_rows", "to_frames"]
