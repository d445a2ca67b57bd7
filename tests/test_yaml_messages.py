"""Hand-edited YAML that does not parse: a Dutch message at the line to look at, saying what
to do, instead of the parser's English."""

from __future__ import annotations

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.guide.loader import parse_guide
from goedwerkplaats.model.session import SessionMeta
from goedwerkplaats.storage.session_store import SNAPSHOT_FILE


def _message(text: str) -> str:
    guide, problems = parse_guide(text, "stellingen.yaml")
    assert guide is None and len(problems) == 1
    return str(problems[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "titel: Ik zeg: nee\n",
            "stellingen.yaml:1: ongeldige YAML: hier staat een dubbele punt waar er geen mag "
            "staan; zet tekst met een dubbele punt tussen aanhalingstekens",
        ),
        (
            "titel: T\nstellingen:\n\t- id: 1\n",
            "stellingen.yaml:3: ongeldige YAML: tab-tekens zijn niet toegestaan; gebruik "
            "spaties om in te springen",
        ),
        (
            "titel: T\nstellingen:\n  - id: 1\n    tekst: 'niet gesloten\n    minuten: 5\n",
            "stellingen.yaml:4: ongeldige YAML: een aanhalingsteken wordt niet gesloten",
        ),
        (
            "titel: T\nstellingen:\n  - id: 1\n  tekst: x\n",
            "stellingen.yaml:4: ongeldige YAML: de inspringing klopt hier niet",
        ),
        (
            "titel: T\nonderwerp\nstellingen: []\n",
            "stellingen.yaml:2: ongeldige YAML: hier ontbreekt de dubbele punt na een sleutel",
        ),
        (
            "titel: *belangrijk*\n",
            "stellingen.yaml:1: ongeldige YAML: een waarde die met * begint, is in YAML een "
            "verwijzing; zet de tekst tussen aanhalingstekens",
        ),
        (
            "titel: T\nthemas: [klant, vertrouwen\narenas: []\n",
            "stellingen.yaml:2: ongeldige YAML: een lijst die met [ begint, wordt niet gesloten",
        ),
        (
            "titel: @gemeente\n",
            "stellingen.yaml:1: ongeldige YAML: een waarde mag niet beginnen met @; zet de tekst "
            "tussen aanhalingstekens",
        ),
        (
            'titel: "C:\\map"\n',
            "stellingen.yaml:1: ongeldige YAML: een backslash (\\) tussen dubbele "
            "aanhalingstekens moet dubbel",
        ),
    ],
)
def test_common_mistakes_get_dutch_advice_at_their_line(text: str, expected: str) -> None:
    message = _message(text)
    assert message.startswith(expected), message
    assert not any(word in message for word in ("found", "expected", "while", "allowed"))


def test_an_unexplained_error_keeps_the_original_in_parentheses() -> None:
    message = _message("%ONBEKEND 1\n---\ntitel: T\n")
    assert message.startswith(
        "stellingen.yaml:1: ongeldige YAML: controleer inspringing, dubbele punten en "
        "aanhalingstekens op deze regel en de regel erboven ("
    )
    assert "directive" in message and message.endswith(")")


def test_check_names_a_broken_session_file_in_dutch(project, capsys) -> None:
    project.create_session(SessionMeta(id="gwp-1", title="T"))
    snapshot = project.session_folder("gwp-1") / SNAPSHOT_FILE
    snapshot.write_text(snapshot.read_text("utf-8") + "notitie: dit: kan niet\n", "utf-8")
    line = snapshot.read_text("utf-8").count("\n")
    assert main(["--project", str(project.root), "check"]) == 1
    assert (
        f"{snapshot}:{line}: ongeldige YAML: hier staat een dubbele punt waar er geen mag staan"
        in capsys.readouterr().out
    )
