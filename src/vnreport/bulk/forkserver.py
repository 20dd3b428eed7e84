"""Imported once by a bulk run's forkserver, before it forks a worker: every worker then starts
from a process that has the pipeline built and its models loaded (`vnreport.bulk.worker.warm`).
"""

from vnreport.bulk.worker import warm

warm()
