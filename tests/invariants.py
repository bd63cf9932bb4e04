"""Checks every cleaned document must pass, shared by the property tests and the fuzz
targets (fuzz/)."""

from __future__ import annotations

from cleanscrape import Result, apply_edits


def assert_report_replays(raw: str, result: Result) -> None:
    """The document was cleaned (not failed), the report alone reproduces the output, and
    it quotes the input exactly."""
    assert result.ok, f"cleaning failed: {result.error}"
    record = result.to_dict()
    for removal in record["removed"]:
        assert raw[removal["start"]:removal["end"]] == removal["text"], removal
        assert removal["reason"] and removal["stage"] and removal["category"], removal
    for repair in record["repairs"]:
        assert raw[repair["start"]:repair["end"]] == repair["before"], repair
        assert repair["reason"] and repair["stage"] and repair["category"], repair
    replay = apply_edits(
        raw,
        [(r["start"], r["end"]) for r in record["removed"]],
        [(r["start"], r["end"], r["after"]) for r in record["repairs"]],
    )
    assert replay == result.text == record["text"], "the report does not replay to the output"

