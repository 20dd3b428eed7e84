"""spaCy components, one module per extractor, and the helpers they share."""
