import goaltrack as gt


def test_version_matches_headers():
    assert gt.version() == f"{gt.VERSION_MAJOR}.{gt.VERSION_MINOR}.{gt.VERSION_PATCH}"
    assert gt.__version__ == gt.version()


def test_docstrings_come_from_the_cpp_docs():
    assert "Raises NotFound naming the code" in gt.plan.policy.__doc__
    assert "clamp((as_of - first + 1)" in gt.period.elapsed_fraction.__doc__
    assert gt.plan.__module__ == "goaltrack"
