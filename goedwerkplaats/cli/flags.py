"""The command line's flags: Dutch, each with its English alias, defined here once.

Every option of every command is spelled `--dutch` and accepted as `--english` too; a few
words are the same in both languages. The README's table lists them, and a test checks that
every option of the parser follows this table.
"""

from __future__ import annotations

# Dutch flag → English alias
ENGLISH = {
    "--titel": "--title",
    "--datum": "--date",
    "--vorm": "--form",
    "--locatie": "--location",
    "--gespreksleider": "--facilitator",
    "--sessie": "--session",
    "--sessies": "--sessions",
    "--functie": "--role",
    "--organisatie": "--organisation",
    "--samenvoegen": "--merge",
    "--niet-samenvoegen": "--no-merge",
    "--opname-start": "--recording-start",
    "--proef": "--dry-run",
    "--taal": "--language",
    "--ja": "--yes",
    "--opnieuw": "--regenerate",
    "--leeg": "--empty",
    "--kenmerk": "--characteristic",
    "--herkenbaar": "--singling-out",
    "--tegen": "--against",
    "--zoek": "--search",
    "--formaat": "--format",
    "--indeling": "--by",
    "--selectie": "--selection",
    "--stelling": "--statement",
    "--thema": "--theme",
    "--bron": "--source",
    "--geen-bronnen": "--no-sources",
    "--scheiding": "--sep",
    "--uitvoer": "--output",
    "--overschrijven": "--force",
    "--namen": "--names",
    "--namen-naar-buiten": "--names-outside",
    "--maskeer": "--mask",
    "--alles": "--all",
}
# the same word in both languages
SHARED = frozenset({"--project", "--json", "--csv", "--exports", "--model", "--arena", "--help"})
# spellings from before the flags were made one language, still accepted (not in the help)
OLD = {"--geen-bronnen": ("--no-bronnen",)}


def flags(dutch: str, short: str = "") -> list[str]:
    """The spellings of one option, as `add_argument(*flags("--sessie"), …)` takes them."""
    spellings = [dutch] if dutch in SHARED else [dutch, ENGLISH[dutch], *OLD.get(dutch, ())]
    return [short, *spellings] if short else spellings
