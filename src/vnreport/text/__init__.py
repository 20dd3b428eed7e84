"""Text below the pipeline: normalization, safe text, script classes, Vietnamese numbers."""
