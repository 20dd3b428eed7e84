"""Imported once by a bulk run's forkserver, before it forks a worker: every worker then starts
from a process that has the pipeline built and its models loaded (`vnreport.worker.warm`).
"""

from vnreport.worker import warm

warm()
