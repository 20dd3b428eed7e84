"""Vietnamese for spaCy with underthesea's word segmentation as the tokenizer."""

from vnreport.lang.tokenizer import UndertheseaTokenizer, create_tokenizer

__all__ = ["UndertheseaTokenizer", "create_tokenizer"]
