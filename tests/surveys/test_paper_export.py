"""`participatie surveys export CODE --format pdf`: the paper form, made by assist.paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask


@pytest.mark.pdf
def test_the_paper_form_comes_out_as_a_pdf(app: Flask, demo: None, tmp_path: Path) -> None:
    output = tmp_path / "demo.pdf"
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=[
            "surveys",
            "export",
            "DEMO",
            "--format",
            "pdf",
            "--lang",
            "ar",
            "--copies",
            "2",
            "--output",
            str(output),
        ]
    )
    assert result.exit_code == 0, result.stderr
    assert output.read_bytes().startswith(b"%PDF")
    refused = runner.invoke(
        args=[
            "surveys",
            "export",
            "DEMO",
            "--format",
            "pdf",
            "--lang",
            "de",  # the demo is complete in all 13 languages; German is none of them
            "--output",
            str(output),
        ]
    )
    assert refused.exit_code == 1 and "de" in refused.stderr
