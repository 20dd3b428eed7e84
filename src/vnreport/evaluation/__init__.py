"""`vnreport eval`: the runner, per-field scoring and the underthesea baseline."""
