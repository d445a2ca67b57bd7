"""Every key id of the app, derived from the screens' Bindings (do not edit by hand).

Written by `python -m goedwerkplaats.tui.keys`; tests/test_keys.py fails while it
differs from the bindings. Here so that checking toetsen.yaml needs no Textual.
"""

# per screen or part of a screen (by class name): binding id → default keys
KEYS_OF: dict[str, dict[str, str]] = {
    "SessionListScreen": {
        "sessies.openen": "enter",
        "sessies.live": "l",
        "sessies.coderen": "c",
        "sessies.nieuw": "n",
        "sessies.importeren": "i",
        "sessies.spraak": "t",
        "sessies.exporteren": "e",
        "sessies.rapport": "p",
        "sessies.logboek": "a",
        "sessies.wissen": "w",
        "sessies.vernieuwen": "r",
        "sessies.hulp": "question_mark,f1",
        "app.afsluiten": "q",
        "sessies.eerste": "home",
        "sessies.laatste": "end",
    },
    "LiveScreen": {
        "live.hulp": "f1",
        "live.sluiten": "f10",
        "live.stelling": "f2",
        "live.volgende_stelling": "pagedown",
        "live.vorige_stelling": "pageup",
        "live.taggen": "ctrl+t",
        "live.opname": "ctrl+r",
        "live.markering": "ctrl+b",
        "live.ongedaan": "ctrl+z",
        "live.posities": "ctrl+o",
        "live.deelnemers": "ctrl+g",
        "live.opnieuw_opslaan": "ctrl+s",
        "live.zijpaneel": "f4",
        "live.starten": "f5",
        "live.klok": "f9",
    },
    "QuoteInput": {
        "invoer.aanvullen": "tab",
        "invoer.lijst": "up",
        "invoer.annuleren": "escape",
    },
    "QuoteTable": {
        "lijst.bewerken": "e,enter",
        "lijst.taggen": "t",
        "lijst.citaat": "asterisk",
        "lijst.notitie": "n",
        "lijst.verwijderen": "delete,d",
        "lijst.invoer": "escape,i",
        "lijst.hulp": "question_mark",
    },
    "TagPanel": {
        "taggen.klaar": "enter,escape",
        "taggen.hulp": "question_mark",
    },
    "CodingScreen": {
        "coderen.hulp": "f1,question_mark",
        "coderen.sluiten": "f10",
        "coderen.volgende_open": "space",
        "coderen.zoeken": "slash",
        "coderen.volgende_treffer": "f3",
        "coderen.onzeker": "f4",
        "coderen.filter": "ctrl+f",
        "coderen.samenvoegen": "plus",
        "coderen.spreker": "ctrl+e",
        "coderen.stelling": "ctrl+k",
        "coderen.notitie": "ctrl+n",
        "coderen.hoofdthema": "ctrl+o",
        "coderen.ongedaan": "ctrl+z",
        "coderen.opslaan": "ctrl+s",
        "coderen.transcriberen": "f9",
        "coderen.autopauze": "ctrl+y",
    },
    "SegmentList": {
        "lijst.bewerken": "enter",
    },
    "SegmentEditor": {
        "bewerken.bewaren": "ctrl+s,escape",
        "bewerken.splitsen": "ctrl+t",
        "bewerken.begin": "ctrl+home",
        "bewerken.eind": "ctrl+end",
    },
    "LineInput": {
        "regel.terug": "escape",
    },
    "ListeningScreen": {
        "opname.afspelen": "f5",
        "opname.terug": "f6",
        "opname.vooruit": "f7",
        "opname.naar_segment": "ctrl+g",
        "opname.segment": "f8",
        "opname.langzamer": "less_than_sign,ctrl+down",
        "opname.sneller": "greater_than_sign,ctrl+up",
        "opname.volgen": "ctrl+b",
        "opname.begin": "left_square_bracket",
        "opname.eind": "right_square_bracket",
        "opname.vorige_markering": "left_curly_bracket",
        "opname.volgende_markering": "right_curly_bracket",
        "opname.live_citaat": "ctrl+l",
        "opname.koppelen": "f2",
    },
    "ExportScreen": {
        "export.exporteren": "ctrl+s,f10",
        "export.terug": "escape",
        "export.maskeren": "f8",
    },
    "ReportScreen": {
        "rapport.sluiten": "escape,f10",
        "rapport.hulp": "f1,question_mark",
        "rapport.vernieuwen": "r",
        "rapport.kruistabel": "k",
    },
    "OutlineTree": {
        "rapport.tekst": "t",
    },
    "QuoteChoices": {
        "rapport.opnemen": "space",
        "rapport.omhoog": "shift+up",
        "rapport.omlaag": "shift+down",
        "rapport.ster": "asterisk",
        "rapport.hoofdthema": "h",
    },
    "ProseEditor": {
        "tekst.bewaren": "ctrl+s",
        "tekst.terug": "escape",
    },
    "CrossTableScreen": {
        "kruistabel.terug": "escape,f10",
        "kruistabel.hulp": "f1,question_mark",
        "kruistabel.tegen": "k",
        "kruistabel.fragmenten": "f",
        "kruistabel.herkenbaar": "h",
    },
    "ImportScreen": {
        "import.importeren": "ctrl+s,f10",
        "import.annuleren": "escape",
    },
    "TranscriptTree": {
        "import.map_omhoog": "backspace",
    },
    "TranscribeScreen": {
        "spraak.starten": "ctrl+s",
        "spraak.terug": "escape",
    },
    "NewSessionScreen": {
        "nieuw.aanmaken": "ctrl+s,f10",
        "nieuw.annuleren": "escape",
    },
    "ParticipantsScreen": {
        "deelnemers.toevoegen": "ctrl+n",
        "deelnemers.gespreksleider": "ctrl+l",
        "deelnemers.klaar": "escape,f10",
    },
    "StanceScreen": {
        "posities.klaar": "escape",
        "posities.moment": "tab,right,left",
        "posities.wissen": "backspace,delete",
    },
    "LeaveScreen": {
        "verlaten.verlaten": "v,enter",
        "verlaten.pauzeren": "p",
        "verlaten.beeindigen": "b",
        "verlaten.blijven": "escape",
    },
    "TypedConfirmScreen": {
        "bevestigen.annuleren": "escape",
    },
    "PickScreen": {
        "kies.annuleren": "escape",
    },
    "HelpScreen": {
        "hulp.sluiten": "escape,f1,q,question_mark",
    },
}

# a screen with the part that has the focus: their keys are active at the same moment,
# so two actions there may not share a key
TOGETHER: tuple[tuple[str, ...], ...] = (
    ("SessionListScreen",),
    ("LiveScreen", "QuoteInput"),
    ("LiveScreen", "QuoteTable"),
    ("LiveScreen", "TagPanel"),
    ("CodingScreen", "SegmentList"),
    ("CodingScreen", "SegmentEditor"),
    ("CodingScreen", "LineInput"),
    ("CodingScreen", "QuoteInput"),
    ("CodingScreen", "ListeningScreen"),
    ("ExportScreen",),
    ("ReportScreen", "OutlineTree"),
    ("ReportScreen", "QuoteChoices"),
    ("ProseEditor",),
    ("CrossTableScreen",),
    ("ImportScreen", "TranscriptTree"),
    ("TranscribeScreen",),
    ("NewSessionScreen",),
    ("ParticipantsScreen",),
    ("StanceScreen",),
    ("LeaveScreen",),
    ("TypedConfirmScreen",),
    ("PickScreen",),
    ("HelpScreen",),
)

# where a thema's or arena's key codes: such a key can be no action there
CODING: tuple[tuple[str, ...], ...] = (
    ("LiveScreen", "TagPanel"),
    ("CodingScreen", "SegmentList"),
    ("CodingScreen", "ListeningScreen"),
)

DEFAULT_KEYS = {i: keys for of in KEYS_OF.values() for i, keys in of.items()}
