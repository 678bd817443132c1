#!/usr/bin/env bash
# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# ruff and mypy on every Python file (settings in pyproject.toml). mypy checks the
# C# tests' and the controller tests' folders apart: each has a conftest.py of its own.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
.venv/bin/ruff check .
.venv/bin/mypy plugins bench tests/tools tests/lab
.venv/bin/mypy tests/csharp
.venv/bin/mypy tests/unit
.venv/bin/mypy tests/host
