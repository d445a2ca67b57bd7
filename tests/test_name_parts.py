"""Names in text become the pseudonym (exports) or are erased, without eating ordinary words."""

from __future__ import annotations

from goedwerkplaats.exporters.privacy import Anonymizer
from goedwerkplaats.model.changes import PutParticipant
from goedwerkplaats.model.session import Participant, Session, SessionMeta
from goedwerkplaats.privacy.erasure import erase_participant
from goedwerkplaats.privacy.name_parts import name_variants
from tests.helpers import new_session, segment


def _anonymizer(name: str, facilitator: str = "") -> Anonymizer:
    session = Session(
        SessionMeta(id="gwp-1", facilitator=facilitator),
        participants={"P1": Participant("P1", name=name)},
    )
    return Anonymizer(session)


def test_verbs_and_particles_stay_while_the_full_name_goes() -> None:
    text = _anonymizer("Wil Van Dijk").text
    assert text("ik wil van alles weten, zei Wil Van Dijk") == "ik wil van alles weten, zei P1"
    assert text("Van Dijk zei het al") == "P1 zei het al"
    assert text("Wil je dat? Van mij mag het.") == "Wil je dat? Van mij mag het."
    assert text("Dat vond Dijk ook") == "Dat vond P1 ook"


def test_the_surname_alone_goes_as_dutch_writes_it() -> None:
    text = _anonymizer("Sanne de Vries").text
    assert text("De Vries zei het, en Sanne ook") == "P1 zei het, en P1 ook"
    assert text("Volgens de Vries klopt het") == "Volgens P1 klopt het"
    assert text("De cijfers zijn heilig") == "De cijfers zijn heilig"


def test_a_first_name_that_is_a_word_goes_only_with_the_surname() -> None:
    text = _anonymizer("Roos Bakker").text
    assert text("Roos Bakker zei: Roos is een bloem.") == "P1 zei: Roos is een bloem."
    assert text("Bakker zei het") == "P1 zei het"
    facilitator = _anonymizer("", facilitator="Ben de Wit").text
    assert facilitator("Ben jij er ook? vroeg Ben de Wit") == "Ben jij er ook? vroeg gespreksleider"


def test_variants_are_longest_first_and_never_a_particle() -> None:
    assert name_variants("Wil  Van Dijk") == ["Wil Van Dijk", "Van Dijk", "van Dijk", "Dijk"]
    assert name_variants("Tom Bakker") == ["Tom Bakker", "Bakker", "Tom"]
    assert "el" not in name_variants("Fatima el Amrani")
    assert name_variants("") == []


def test_erasure_keeps_ordinary_words_of_others(project) -> None:
    store = new_session(project)
    store.apply(
        PutParticipant(Participant("P3", name="Wil Van Dijk")),
        segment(1, speaker="P3", text="Mijn eigen verhaal."),
        segment(2, speaker="P1", text="Wil je dat? Van Dijk vond van wel, zei Wil Van Dijk."),
        segment(3, speaker="P2", text="Ik wil van alles weten."),
    )
    store.close()
    plan = erase_participant(project, "gwp-1", "P3")
    assert plan.mentions == 1
    session = project.load_session("gwp-1").session
    assert session.segments.get("s2").text == "Wil je dat? P3 vond van wel, zei P3."
    assert session.segments.get("s3").text == "Ik wil van alles weten."


def test_a_first_name_that_is_a_word_goes_inside_a_sentence() -> None:
    text = _anonymizer("Roos Bakker").text
    assert text("zoals Roos net zei, klopt dat") == "zoals P1 net zei, klopt dat"
    assert text("En, Roos, wat vind jij?") == "En, P1, wat vind jij?"
    assert text("Roos zei het al.") == "Roos zei het al."  # a sentence start stays ambiguous


def test_possessive_capitals_and_accents_do_not_let_a_name_through() -> None:
    text = _anonymizer("José Anouk Bakker").text
    said = text("Anouks mening telt, net als José's fiets.")
    assert said == "P1's mening telt, net als P1's fiets."
    assert text("IK ZEI HET AL TEGEN JOSÉ EN BAKKER") == "IK ZEI HET AL TEGEN P1 EN P1"
    assert text("Jose en Jos\u00e8 en Josè zeiden het") == "P1 en P1 en P1 zeiden het"
    assert text("Bakkerij en Anoukje blijven") == "Bakkerij en Anoukje blijven"
    assert _anonymizer("Zoe de Vries").text("Zoë zei het") == "P1 zei het"


def test_erasure_finds_the_same_forms(project) -> None:
    store = new_session(project)
    store.apply(
        PutParticipant(Participant("P3", name="José Bakker")),
        segment(1, speaker="P3", text="Mijn eigen verhaal."),
        segment(2, speaker="P1", text="Jose zei het, en ook JOSÉ. Bakkers idee was goed."),
    )
    store.close()
    erase_participant(project, "gwp-1", "P3")
    session = project.load_session("gwp-1").session
    assert session.segments.get("s2").text == "P3 zei het, en ook P3. P3's idee was goed."


def test_letters_beyond_latin_1_still_find_the_name() -> None:
    text = _anonymizer("Nguyễn Văn An").text
    assert text("Nguyễn zei het en Nguyễn Văn An ook") == "P1 zei het en P1 ook"
    assert text("Nguyen zei het") == "P1 zei het"  # typed without the accents
    assert _anonymizer("Ḥasan Ali").text("Ḥasan en Hasan") == "P1 en P1"


def test_a_first_name_that_is_a_word_is_not_taken_from_shouted_text() -> None:
    text = _anonymizer("Wil van Dijk").text
    assert text("ik WIL dat, zei WIL VAN DIJK") == "ik WIL dat, zei P1"
