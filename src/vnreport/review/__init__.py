"""Views of one article for people: the terminal report and the highlighted page."""
