"""The package version, recorded in every Report as `extractor_version`."""

__version__ = "0.1.0"
