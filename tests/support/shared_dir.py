# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The reference folder `shared/` beside the clone (the seed sample, recorded real traffic).

A clone of the repository on its own has no such folder: tests that need it then skip, with a
sentence that says so (ctest counts exit status 77 as skipped, SKIP_RETURN_CODE). In CI (the
environment variable CI is set) a missing folder fails instead: CI must never pass without them.
"""
import os
import sys

SKIP_EXIT = 77


def require(path, what):
    """Returns when `path` exists; otherwise skips (exit 77) or, under CI, fails (exit 1)."""
    if os.path.exists(path):
        return
    where = os.path.normpath(path)
    if os.environ.get("CI"):
        print("FAIL: %s is missing: %s does not exist. CI runs beside ../shared; without it this "
              "check would pass without testing anything." % (what, where))
        print("0 passed, 1 failed")
        sys.exit(1)
    print("SKIP: %s is not here (%s does not exist): this clone has no ../shared beside it."
          % (what, where))
    sys.exit(SKIP_EXIT)
