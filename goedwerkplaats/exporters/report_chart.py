"""A chart of a survey table: one stacked bar per item, percentages per answer in scale order.

Charts are an optional extra (`pip install -e ".[grafieken]"`, matplotlib). Without it the
report keeps the tables and the export says once that the charts were left out.
"""

from __future__ import annotations

import io
import textwrap

from goedwerkplaats.survey.distribution import TableResult

INSTALL_HINT = 'pip install -e ".[grafieken]"'
MISSING_NOTE = (
    "enquete.yaml vraagt om grafieken, maar matplotlib ontbreekt; de tabellen staan er wel. "
    f"Installeer de grafieken met: {INSTALL_HINT}"
)
WIDTH_INCHES = 6.3  # the text width of an A4 page with 2.5 cm margins
_LABEL_WIDTH = 38  # characters per line of an item's label


def charts_available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def chart_png(result: TableResult) -> bytes:
    """The table as a horizontal stacked bar chart (PNG); needs matplotlib."""
    import matplotlib

    matplotlib.use("Agg")  # no screen: draw into memory
    from matplotlib.figure import Figure
    from matplotlib.ticker import PercentFormatter

    labels = result.table.scale.labels
    items = list(reversed(result.items))  # the first item on top, as in the table
    figure = Figure(figsize=(WIDTH_INCHES, 1.1 + 0.45 * len(items)), dpi=200)
    axes = figure.add_subplot()
    colours = matplotlib.colormaps["Blues"](
        [0.2 + 0.7 * i / max(1, len(labels) - 1) for i in range(len(labels))]
    )
    rows = [textwrap.fill(f"{item.label} (n = {item.n})", _LABEL_WIDTH) for item in items]
    left = [0.0] * len(items)
    shares = [item.percentages() for item in items]
    for point, (label, colour) in enumerate(zip(labels, colours, strict=True)):
        widths = [float(share[point]) for share in shares]
        bars = axes.barh(rows, widths, left=left, color=colour, label=label, height=0.6)
        dark = point >= len(labels) / 2
        for bar, width in zip(bars, widths, strict=True):
            if width >= 6:
                axes.text(
                    bar.get_x() + width / 2,
                    bar.get_y() + bar.get_height() / 2,
                    f"{width:.0f}%",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if dark else "black",
                )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.set_xlim(0, 100)
    axes.xaxis.set_major_formatter(PercentFormatter())
    axes.tick_params(labelsize=7)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12 if len(items) > 2 else -0.3),
        # one row when the labels fit, else three columns (filled column by column)
        ncols=len(labels) if sum(len(label) for label in labels) <= 100 else 3,
        fontsize=7,
        frameon=False,
    )
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()
