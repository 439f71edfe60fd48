"""`casefile serve`: binds 127.0.0.1 unless told otherwise and says so; refuses a bad database."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from casefile.cli import main


@pytest.fixture()
def served(monkeypatch) -> dict:
    """What uvicorn.run was called with, instead of starting a server."""
    calls: dict = {}

    def fake_run(app, host: str, port: int, log_level: str) -> None:
        calls.update(app=app, host=host, port=port)
    monkeypatch.setattr("uvicorn.run", fake_run)
    return calls


def test_serve_binds_localhost_and_says_so(web_store, served):
    result = CliRunner().invoke(main, ["serve", "--db", str(web_store)])
    assert result.exit_code == 0, result.output
    assert served["host"] == "127.0.0.1" and served["port"] == 8000
    assert "http://127.0.0.1:8000/" in result.output and "only this machine" in result.output
    assert served["app"].state.read_only is False


def test_serve_elsewhere_warns_and_read_only(web_store, served):
    result = CliRunner().invoke(main, ["serve", "--db", str(web_store), "--host", "0.0.0.0", "--port", "9001",
                                       "--read-only"])
    assert result.exit_code == 0, result.output
    assert served["host"] == "0.0.0.0" and served["port"] == 9001 and served["app"].state.read_only
    assert "WARNING" in result.output and "read-only" in result.output


def test_serve_a_missing_database_is_one_line(tmp_path, served):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such casefile database" in result.output
    assert served == {}
