"""Extraction on a Dask cluster: the public path of `vnreport.bulk.dask_engine`.

>>> from vnreport.distributed import extract_bag
"""

from vnreport.bulk.dask_engine import extract_bag, run

__all__ = ["extract_bag", "run"]
