#!/usr/bin/env python3
"""Runs the Python test suite for ctest: pytest on this folder, failing when pytest fails
and also when it collects no test at all (its exit code 5), so that a suite that lost its
tests cannot pass silently."""

import sys

import pytest

if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "."
    code = pytest.main(["-q", "-p", "no:cacheprovider", folder, *sys.argv[2:]])
    if code == pytest.ExitCode.NO_TESTS_COLLECTED:
        print("run_pytest: no tests were collected", file=sys.stderr)
        sys.exit(1)
    sys.exit(int(code))
