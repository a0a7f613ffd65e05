"""Tests of the translation catalogues and of scripts/i18n.py, which `make` and CI use."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def _load_script(name: str = "i18n") -> ModuleType:
    """scripts/ is not a package: load scripts/<name>.py by its path."""
    path = Path(__file__).resolve().parents[2] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"{name}_script", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


i18n = _load_script()
content = _load_script("content_i18n")
