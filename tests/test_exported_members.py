import vnreport


def test_all_is_pinned() -> None:
    assert sorted(vnreport.__all__) == sorted(
        [
            "AdminUnit", "Document", "EventDate", "Figure", "GazetteerUnit", "Official",
            "Recommendation", "Report", "ResidentialGroup", "Segment", "Span", "VnreportError",
            "__version__", "annotate_document", "extract", "extract_document", "extract_many", "load",
        ]
    )  # fmt: skip
    for name in vnreport.__all__:
        assert hasattr(vnreport, name)
