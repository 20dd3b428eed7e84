"""Bulk runs: the runner, its workers, the progress display and summary, the forkserver, Dask."""
