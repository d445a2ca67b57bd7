"""The REFI-QDA codebook (.qdc) and the schemas shipped with the package."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from goedwerkplaats.cli import main
from goedwerkplaats.exporters.refiqda import QdcOptions, export_qdc, export_qdpx
from goedwerkplaats.exporters.refiqda_schema import (
    CODEBOOK_XSD,
    PROJECT_XSD,
    schema_path,
    validate,
)
from goedwerkplaats.privacy.mask_terms import MASK_FILE
from tests.conftest import SHARED
from tests.helpers import new_session, segment

SHARED_REFI = SHARED / "refi-qda"
CB = {"c": "urn:QDA-XML:codebook:1.0"}


def test_packaged_schemas_equal_the_shared_ones() -> None:
    if not SHARED_REFI.is_dir():
        pytest.skip("../shared/refi-qda is er niet; de meegeleverde schema's gelden")
    for name in (PROJECT_XSD, CODEBOOK_XSD):
        assert schema_path(name).read_bytes() == (SHARED_REFI / name).read_bytes(), name


def test_packaged_schemas_accept_the_published_examples() -> None:
    examples = SHARED_REFI / "examples"
    if not examples.is_dir():
        pytest.skip("../shared/refi-qda/examples is er niet")
    validate(etree.parse(str(examples / "atlasti-standard-project.qde")).getroot(), PROJECT_XSD)
    authored = examples / "authored-here"
    validate(etree.parse(str(authored / "example-focusgroup.qde")).getroot(), PROJECT_XSD)
    validate(etree.parse(str(authored / "example-codebook.qdc")).getroot(), CODEBOOK_XSD)
    with pytest.raises(etree.DocumentInvalid):
        validate(
            etree.parse(str(authored / "invalid-empty-sets-taguette-style.qdc")).getroot(),
            CODEBOOK_XSD,
        )


def test_codebook_validates_and_has_the_shape_of_the_project_codebook(project) -> None:
    path = export_qdc(project)
    assert path == project.exports_dir / "codeboek.qdc"
    root = etree.parse(str(path)).getroot()
    validate(root, CODEBOOK_XSD)
    assert root.get("origin").startswith("goedwerkplaats ")
    tops = [(c.get("name"), c.get("isCodable")) for c in root.findall("c:Codes/c:Code", CB)]
    assert tops == [
        ("Thema's", "false"),
        ("Arena", "false"),
        ("Stellingen", "false"),
        ("Citaat voor rapport", "true"),
    ]
    arena = root.find("c:Codes/c:Code[@name='Arena']", CB)
    assert len(arena.findall("c:Code", CB)) == 3
    trust = root.find(".//c:Code[@name='Vertrouwen']", CB)
    assert [c.get("name") for c in trust.findall("c:Code", CB)] == ["Aanvankelijk wantrouwen"]


def test_codebook_guids_match_the_project_export(project) -> None:
    store = new_session(project)
    store.apply(segment(1, themes=("wantrouwen",)))
    store.close()
    with zipfile.ZipFile(export_qdpx(project)) as archive:
        in_project = etree.fromstring(archive.read("project.qde"))
    in_codebook = etree.parse(str(export_qdc(project))).getroot()

    def codes(root, ns):
        return [(c.get("guid"), c.get("name")) for c in root.iter(f"{{{ns}}}Code")]

    assert codes(in_project, "urn:QDA-XML:project:1.0") == codes(in_codebook, CB["c"])


def test_mask_terms_apply_to_the_codebook_too(project) -> None:
    (project.root / MASK_FILE).write_text("termen:\n  - klantmanager\n", "utf-8")
    text = export_qdc(project).read_text(encoding="utf-8")
    assert "klantmanager" not in text and "[…]" in text


def test_overwrite_numbering_force_and_cli(project, capsys) -> None:
    first = export_qdc(project)
    assert export_qdc(project).name == "codeboek-2.qdc"
    assert export_qdc(project, QdcOptions(force=True)) == first
    assert main(["--project", str(project.root), "export", "qdc", "-o", "mijn-codes"]) == 0
    assert (project.exports_dir / "mijn-codes.qdc").is_file()
    assert "REFI-QDA-codeboek geschreven" in capsys.readouterr().out
