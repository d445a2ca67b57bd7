"""The survey of a project: `enquete.yaml`, the export it names, and every table counted.

`load_survey` is what the report, `goedwerkplaats enquete` and `check` use. Problems that
make the survey unusable raise ProblemsError; answers outside a scale are warnings (one per
answer, with the file and row), so nothing is silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.files.checker import did_you_mean
from goedwerkplaats.files.problems import Problem, ProblemsError
from goedwerkplaats.survey.distribution import TableResult, item_result
from goedwerkplaats.survey.mapping_file import SURVEY_FILE, load_mapping, normal
from goedwerkplaats.survey.model import SurveyMapping
from goedwerkplaats.survey.reader import Responses, read_responses


@dataclass(frozen=True)
class Survey:
    mapping_path: Path
    mapping: SurveyMapping
    responses: Responses
    tables: tuple[TableResult, ...]
    warnings: tuple[Problem, ...] = ()

    @property
    def respondents(self) -> int:
        return len(self.responses.rows)

    @property
    def outside(self) -> int:
        return sum(t.outside for t in self.tables)


def survey_path(root: Path) -> Path:
    return root / SURVEY_FILE


def load_survey(root: Path) -> Survey | None:
    """The project's survey; None when it has no `enquete.yaml`."""
    path = survey_path(root)
    if not path.exists():
        return None
    return read_survey(path, root)


def read_survey(mapping_path: Path, root: Path, data_path: Path | None = None) -> Survey:
    """The survey the mapping describes; `data_path` reads another export with the same
    mapping (to try a new export before `bestand` points at it)."""
    mapping = load_mapping(mapping_path)
    if data_path is None:
        data_path = _mapped_file(mapping_path, mapping, root)
    return _counted(
        mapping_path, mapping, read_responses(data_path, mapping.sheet, mapping.header_rows)
    )


def _mapped_file(mapping_path: Path, mapping: SurveyMapping, root: Path) -> Path:
    """The export `bestand` names, which must be there."""
    data_path = (root / mapping.file).expanduser()
    if not data_path.exists():
        raise ProblemsError(
            [
                Problem(
                    mapping_path,
                    mapping.file_line,
                    f"het enquêtebestand '{mapping.file}' bestaat niet (gezocht: {data_path}); "
                    "zet de export in de projectmap of pas 'bestand' aan",
                )
            ]
        )
    return data_path


def _counted(mapping_path: Path, mapping: SurveyMapping, responses: Responses) -> Survey:
    columns = _column_indexes(mapping, responses, mapping_path)
    tables = []
    for table in mapping.tables:
        items = []
        for item in table.items:
            index = columns[item.column]
            header = responses.columns[index] if index < len(responses.columns) else item.column
            label = item.text or _question_text(responses, index) or header
            items.append(item_result(table.scale, responses.rows, index, label, header))
        tables.append(TableResult(table, tuple(items)))
    warnings = [*responses.warnings, *_outside_warnings(tables, responses.path)]
    return Survey(mapping_path, mapping, responses, tuple(tables), tuple(warnings))


def _question_text(responses: Responses, index: int) -> str:
    """Qualtrics' second header row: 'Question - Statement'; the statement is the row label."""
    if len(responses.headers) < 2 or index >= len(responses.headers[1]):
        return ""
    text = responses.headers[1][index].strip()
    return text.rsplit(" - ", 1)[-1].strip() if text else ""


def _column_indexes(
    mapping: SurveyMapping, responses: Responses, mapping_path: Path
) -> dict[str, int]:
    """Each item's column: its exact header, else a header that differs only in spaces and
    case, in any header row (Qualtrics' second row holds the question text)."""
    found: dict[str, int] = {}
    problems = []
    for table in mapping.tables:
        for item in table.items:
            if item.column in found:
                continue
            index, problem = _find_column(item.column, responses)
            if problem:
                problems.append(Problem(mapping_path, item.line, problem))
            else:
                found[item.column] = index
    if problems:
        raise ProblemsError(problems)
    return found


def _find_column(name: str, responses: Responses) -> tuple[int, str]:
    exact = [i for i, header in enumerate(responses.columns) if header == name]
    if not exact:
        wanted = normal(name)
        exact = sorted(
            {i for row in responses.headers for i, h in enumerate(row) if normal(h) == wanted}
        )
    if len(exact) == 1:
        return exact[0], ""
    where = responses.path.name
    if len(exact) > 1:
        numbers = ", ".join(_column_letter(i) for i in exact)
        return -1, (
            f"de kolom '{name}' staat meer dan eens in {where} (kolommen {numbers}); hernoem "
            "er een in het bestand, of exporteer met vraagcodes als kolomkoppen"
        )
    headers = [h for h in responses.columns if h]
    return -1, (
        f"de kolom '{name}' staat niet in {where}{did_you_mean(name, headers)}; de kolommen "
        f"zijn: {', '.join(headers[:12])}{' …' if len(headers) > 12 else ''}"
    )


def _column_letter(index: int) -> str:
    """'A', 'B', … 'AA': how Excel and LibreOffice name a column (0 is 'A')."""
    from openpyxl.utils import get_column_letter  # only for this message: keep it lazy

    return str(get_column_letter(index + 1))


def _outside_warnings(tables: list[TableResult], data_path: Path) -> list[Problem]:
    warnings = []
    for result in tables:
        scale = result.table.scale
        for item in result.items:
            for answer in item.outside:
                warnings.append(
                    Problem(
                        data_path,
                        answer.row,
                        f"antwoord '{answer.value}' in kolom '{item.column}' staat niet op de "
                        f"schaal '{scale.id}' en is niet meegeteld; voeg het in enquete.yaml "
                        "toe aan 'waarden' of 'niet_meetellen' van die schaal, of verbeter het "
                        "bestand",
                        warning=True,
                    )
                )
    return warnings
