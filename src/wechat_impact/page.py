"""Render a release as one offline HTML page that a journalist can read and check.

The page tells the release's story in plain words: which of the article's claims cannot all be
true, how its information consumption breaks down, every figure it prints in the sentence that
prints it, whether validation passed, and where it all comes from. It is one self-contained file
(inline CSS and SVG; no script, font, style or image from anywhere), so it opens the same from a
laptop, a mail attachment or an archive; and it is a pure function of the database, so a release
always renders to the same bytes. Every text that comes from the data is HTML-escaped: the
article's quotes are data, never markup.
"""

from __future__ import annotations

import html
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import duckdb

from wechat_impact import numbers

Row = dict[str, Any]

CSS = Path(__file__).parent / "page_assets" / "page.css"

# Largest first; a number is shown in the first scale it reaches ("95.2 billion yuan").
SCALES = (
    *((Decimal(numbers.SCALES[word]), f" {word}") for word in ("billion", "million")),
    (Decimal(1), ""),
)
UNITS = {"CNY": " yuan", "persons": " people", "percent": "%", "count": ""}
SHOWN_DIGITS = Decimal("0.001")  # enough for the article's intervals (4.235 to 4.245%)
DASH = "\N{EN DASH}"  # between the ends of a range

STATUS_LABELS = {
    "inconsistent": "✗ Inconsistent",
    "consistent": "✓ Consistent",
    "unverifiable": "? Unverifiable",
    "passed": "✓ Passed",
    "failed": "✗ Failed",
}

# Nothing may load, and no script may run, even if a bug let markup through the escaping.
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'"

QUERIES = {
    "documents": "select * from marts.documents where text_stored order by document_id",
    "build_info": "select * from marts.build_info order by release_id",
    "breakdown": "select * from marts.consumption_breakdown order by sort_order, component_id",
    "claims": """
        with
        per_claim as (
            select
                claim_figures.claim_id,
                list(
                    struct_pack(figures.figure_id, figures.label) order by figures.figure_id
                ) as figures
            from marts.claim_figures as claim_figures
            inner join marts.figures as figures
                on claim_figures.figure_id = figures.figure_id
            group by claim_figures.claim_id
        )
        select claims.*, coalesce(per_claim.figures, []) as figures
        from marts.claim_checks as claims
        left join per_claim on claims.claim_id = per_claim.claim_id
        order by
            case claims.status when 'inconsistent' then 0 when 'consistent' then 1 else 2 end,
            claims.claim_id
    """,
    # The printed text is cut out of its sentence by the mention's offsets (code points).
    "mentions": """
        select
            figures.figure_id,
            figures.label,
            figures.period,
            figures.unit,
            figures.value,
            figures.value_low,
            figures.value_high,
            figures.qualifier,
            figures.mention_count,
            mentions.mention_id,
            mentions.mention_number,
            mentions.printed_text,
            mentions.char_start,
            mentions.char_end,
            substring(mentions.quote, 1, mentions.char_start - mentions.sentence_start)
                as before_text,
            substring(
                mentions.quote,
                mentions.char_start - mentions.sentence_start + 1,
                mentions.char_end - mentions.char_start
            ) as marked_text,
            substring(mentions.quote, mentions.char_end - mentions.sentence_start + 1)
                as after_text
        from marts.figures as figures
        inner join marts.figure_mentions as mentions
            on figures.figure_id = mentions.figure_id
        order by figures.char_start, figures.figure_id, mentions.mention_number
    """,
    "validation": """
        select * from marts.validation_results
        order by success, suite, expectation, column_name nulls first, details, observed_value
    """,
}


def write_page(database: Path, out_dir: Path) -> Path:
    """Write out_dir/index.html for the release in `database` and return its path."""
    with duckdb.connect(str(database), read_only=True) as connection:
        data = {name: _rows(connection, query) for name, query in QUERIES.items()}
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / "index.html"
    page.write_text(_page(data), encoding="utf-8")
    return page


def _rows(connection: duckdb.DuckDBPyConnection, query: str) -> list[Row]:
    cursor = connection.execute(query)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _page(data: dict[str, list[Row]]) -> str:
    document = data["documents"][0]
    body = "\n".join(
        [
            _header(document, data),
            _claims_section(data["claims"]),
            _breakdown_section(data["breakdown"]),
            _figures_section(data["mentions"]),
            _validation_section(data["validation"]),
            _provenance_section(data["documents"], data["build_info"]),
        ]
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Figures checked: {_e(document["title"])}</title>
<style>
{CSS.read_text(encoding="utf-8")}</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""


# Sections ------------------------------------------------------------------------------------


def _header(document: Row, data: dict[str, list[Row]]) -> str:
    claims = data["claims"]
    inconsistent = sum(claim["status"] == "inconsistent" for claim in claims)
    figures = {row["figure_id"] for row in data["mentions"]}
    failed = sum(not row["success"] for row in data["validation"])
    return f"""<header>
<h1>{_e(document["title"])}: do the figures add up?</h1>
<p class="lede">A news article on the <em>{_e(document["report_title"])}</em>
({_e(document["report_publisher"])}, {_e(document["report_date"])}), checked figure by figure:
every number it prints, in the sentence that prints it, and whether the claims it makes with them
can all be true.</p>
<p class="note">A printed figure stands for a range: “85.7%” can be anything from 85.65% to 85.75%
(half a unit of its last digit either side; a whole unit for “about”). Numbers are rounded for
reading; point at one to see its exact value.</p>
<nav><a href="#claims">Claims</a><a href="#breakdown">Breakdown</a><a href="#figures">Figures</a>
<a href="#validation">Validation</a><a href="#provenance">Sources</a></nav>
<div class="summary">
<div{_alert(inconsistent)}><strong>{inconsistent} of {len(claims)}</strong>claims are \
inconsistent</div>
<div><strong>{len(figures)}</strong>figures, printed {len(data["mentions"])} times</div>
<div{_alert(failed)}><strong>{len(data["validation"]) - failed} of {len(data["validation"])}\
</strong>validation checks passed{f", {failed} failed" if failed else ""}</div>
</div>
</header>"""


def _alert(problems: int) -> str:
    """Marks a summary box red when it counts problems, so they are seen first."""
    return ' class="alert"' if problems else ""


def _claims_section(claims: Sequence[Row]) -> str:
    return f"""<section id="claims">
<h2>Claims checked</h2>
<p class="note">A claim is <strong>consistent</strong> when the range the article publishes and
the range its other figures allow overlap, <strong>inconsistent</strong> when they cannot both
hold, and <strong>unverifiable</strong> when the article prints nothing to check it against.</p>
{"".join(_claim(claim) for claim in claims)}
</section>"""


def _claim(claim: Row) -> str:
    status, unit = claim["status"], claim["unit"]
    published = _value_and_range(
        claim["published_value"], claim["published_low"], claim["published_high"], unit
    )
    recomputed = _value_and_range(
        claim["recomputed_value"], claim["recomputed_low"], claim["recomputed_high"], unit
    )
    uses = ", ".join(
        f'<a href="#figure-{_e(figure["figure_id"])}">{_e(figure["label"])}</a>'
        for figure in claim["figures"]
    )
    facts = _definitions([("Published", published), ("Recomputed", recomputed)])
    return f"""<article class="claim {_e(status)}" id="claim-{_e(claim["claim_id"])}">
<header>{_status(status)}<p class="statement">{_e(claim["statement"])}</p></header>
<div class="claim-body">{facts}{_ranges_chart(claim, unit)}</div>
<p class="why">{_e(claim["explanation"])}</p>
<p class="uses">Figures: {uses}</p>
</article>
"""


def _breakdown_section(rows: Sequence[Row]) -> str:
    table = _table(
        ["Component", "Amount", "Share of the total"],
        [
            [
                _e(row["component"]),
                _value_and_range(
                    row["amount_cny"], row["amount_cny_low"], row["amount_cny_high"], "CNY"
                ),
                _value_and_range(
                    row["share_pct"], row["share_pct_low"], row["share_pct_high"], "percent"
                ),
            ]
            for row in rows
        ],
    )
    total = _number([rows[0]["total_cny"]], "CNY")
    return f"""<section id="breakdown">
<h2>Where the information consumption comes from</h2>
<p>The {total} of information consumption that WeChat drove, by component.</p>
<figure>
{_breakdown_chart(rows)}
<figcaption>Bars show each component's amount. The black whisker at the end of a bar spans the
range the article's rounding allows; the table below gives its ends. The amounts are derived from
the printed total and shares, and add up to the total.</figcaption>
</figure>
{table}
</section>"""


def _figures_section(mentions: Sequence[Row]) -> str:
    figures = itertools.groupby(mentions, key=lambda row: row["figure_id"])
    return f"""<section id="figures">
<h2>Every figure the article prints</h2>
<p class="note">In the order the article first prints them, each with every sentence that prints
it; the highlighted words are the figure as printed.</p>
{"".join(_figure(list(rows)) for _, rows in figures)}
</section>"""


def _figure(mentions: Sequence[Row]) -> str:
    figure = mentions[0]
    value = _value_and_range(
        figure["value"], figure["value_low"], figure["value_high"], figure["unit"]
    )
    times = "once" if figure["mention_count"] == 1 else f"{figure['mention_count']} times"
    facts = " · ".join(
        [value, _e(figure["qualifier"]).replace("_", " "), _e(figure["period"]), f"printed {times}"]
    )
    return f"""<article class="figure" id="figure-{_e(figure["figure_id"])}">
<h3>{_e(figure["label"])}</h3>
<p class="facts">{facts}</p>
{"".join(_quote(mention) for mention in mentions)}</article>
"""


def _quote(mention: Row) -> str:
    """The sentence with the printed figure marked, after checking the offsets point at it."""
    if mention["marked_text"] != mention["printed_text"]:
        raise ValueError(
            f"marts.figure_mentions, mention {mention['mention_id']}: characters "
            f"{mention['char_start']}-{mention['char_end']} of its quote read "
            f"{mention['marked_text']!r}, not the printed_text {mention['printed_text']!r}; "
            "fix char_start/char_end or sentence_start in the seed and rebuild."
        )
    return (
        f"<blockquote>{_e(mention['before_text'])}<mark>{_e(mention['marked_text'])}</mark>"
        f'{_e(mention["after_text"])}<span class="where">Printed as '
        f"“{_e(mention['printed_text'])}”, characters {mention['char_start']}{DASH}"
        f"{mention['char_end']} of the article</span></blockquote>\n"
    )


def _validation_section(results: Sequence[Row]) -> str:
    failed = sum(not row["success"] for row in results)
    table = _table(
        ["Result", "What was checked", "Observed"],
        [
            [
                _status("passed" if row["success"] else "failed"),
                f'{_e(row["details"])}<span class="expectation">{_e(row["suite"])}'
                f"{'.' if row['column_name'] else ''}{_e(row['column_name'])}: "
                f"{_e(row['expectation'])}</span>",
                f"<code>{_e(row['observed_value'])}</code>",
            ]
            for row in results
        ],
    )
    return f"""<section id="validation">
<h2>Validation</h2>
<p>{len(results) - failed} of {len(results)} expectations passed, {failed} failed
(Great Expectations, run over this release's tables before it was published).</p>
{table}
</section>"""


def _provenance_section(documents: Sequence[Row], builds: Sequence[Row]) -> str:
    sources = "".join(
        _definitions(
            [
                ("Article", _e(document["title"])),
                ("Author", _e(document["author"])),
                ("Publisher", _e(document["publisher"])),
                ("Language", _e(document["language"])),
                (
                    "Report",
                    f"{_e(document['report_title'])}, {_e(document['report_publisher'])}, "
                    f"{_e(document['report_date'])}",
                ),
                (
                    "File",
                    f"<code>{_e(document['path'])}</code>, {document['char_count']:,} characters",
                ),
                ("SHA-256", f"<code>{_e(document['sha256'])}</code>"),
            ]
        )
        for document in documents
    )
    releases = "".join(
        _definitions(
            [
                ("Release", f"<code>{_e(build['release_id'])}</code>"),
                ("Built at", f"{_e(build['built_at'])} UTC"),
                (
                    "Git commit",
                    f"<code>{_e(build['git_commit'])}</code>"
                    + (" (with uncommitted changes)" if build["git_dirty"] else ""),
                ),
                ("Inputs SHA-256", f"<code>{_e(build['inputs_sha256'])}</code>"),
                (
                    "Built with",
                    f"dbt {_e(build['dbt_version'])}, DuckDB {_e(build['duckdb_version'])}, "
                    f"Great Expectations {_e(build['great_expectations_version'])}",
                ),
            ]
        )
        for build in builds
    )
    return f"""<section id="provenance">
<h2>Sources and build</h2>
{sources}
<h3>This release</h3>
{releases}
</section>"""


# Charts --------------------------------------------------------------------------------------

RANGES_WIDTH = 400
RANGES_LEFT = 96  # "Published" / "Recomputed" labels before the bands
RANGES_PLOT = 290


def _ranges_chart(claim: Row, unit: str | None) -> str:
    """The published and the recomputed range on one axis, so a gap between them shows at a
    glance; nothing when either range is missing or unbounded."""
    ends = [
        claim[column]
        for column in ("published_low", "published_high", "recomputed_low", "recomputed_high")
    ]
    if None in ends:
        return ""
    low, high = min(ends), max(ends)
    span = (high - low) or Decimal(1)

    def x(value: Decimal) -> float:
        return RANGES_LEFT + RANGES_PLOT * float((value - low) / span)

    bands = []
    for row, (side, start, end) in enumerate(
        [("published", ends[0], ends[1]), ("recomputed", ends[2], ends[3])]
    ):
        top = 6 + row * 26
        bands.append(
            f'<text x="{RANGES_LEFT - 8}" y="{top + 13}" text-anchor="end" font-size="13">'
            f"{side.title()}</text>"
            f'<rect class="band {side}" x="{x(start):.1f}" y="{top}" '
            f'width="{max(3.0, x(end) - x(start)):.1f}" height="18"/>'
        )
    scale = "".join(
        f'<text class="axis-label" x="{x(value):.1f}" y="76" text-anchor="{anchor}" '
        f'font-size="12">{_e(_readable([value], unit))}</text>'
        for value, anchor in ((low, "start"), (high, "end"))
    )
    return (
        f'<svg class="ranges" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {RANGES_WIDTH} 80" '
        f'role="img" aria-label="Published and recomputed ranges on one scale">'
        f'<line class="grid" x1="{RANGES_LEFT}" x2="{RANGES_LEFT + RANGES_PLOT}" y1="60" y2="60"/>'
        f"{''.join(bands)}{scale}</svg>"
    )


CHART_WIDTH = 900
LABEL_WIDTH = 250  # component names, right-aligned before the bars
PLOT_WIDTH = 400
ROW_HEIGHT = 56
AXIS_HEIGHT = 44


@dataclass(frozen=True)
class _Axis:
    """The amount axis: shown in one scale (billions), from 0 to a round number of steps."""

    factor: Decimal
    word: str
    step: Decimal
    steps: int

    def x(self, amount: Decimal) -> str:
        share = float(amount / self.factor / (self.step * self.steps))
        return f"{LABEL_WIDTH + PLOT_WIDTH * share:.1f}"


def _axis(amounts: Sequence[Decimal]) -> _Axis:
    factor, word = _scale(amounts)
    top = max(amounts) / factor
    step = _tick_step(top)
    return _Axis(factor, word, step, max(1, math.ceil(top / step)))


def _tick_step(top: Decimal) -> Decimal:
    """The smallest 1, 2 or 5 times 10^k that reaches `top` in at most five steps."""
    exponent = (top / 5).adjusted() if top > 0 else 0
    return next(
        step
        for step in (Decimal(mantissa).scaleb(exponent) for mantissa in (1, 2, 5, 10))
        if step * 5 >= top
    )


def _breakdown_chart(rows: Sequence[Row]) -> str:
    """Horizontal bars of the amounts with whiskers for their ranges, as inline SVG."""
    axis = _axis([row["amount_cny_high"] for row in rows])
    plot_bottom = len(rows) * ROW_HEIGHT
    height = plot_bottom + AXIS_HEIGHT
    unit = f"{axis.word.strip()} yuan".strip()
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_WIDTH} {height}" '
        'role="img" aria-labelledby="breakdown-title">',
        f'<title id="breakdown-title">Information consumption by component, in {_e(unit)}</title>',
    ]
    for index in range(axis.steps + 1):
        tick = axis.step * index
        x = axis.x(tick * axis.factor)
        lines.append(
            f'<line class="grid" x1="{x}" x2="{x}" y1="0" y2="{plot_bottom + 4}"/>'
            f'<text class="axis-label" x="{x}" y="{plot_bottom + 20}" text-anchor="middle" '
            f'font-size="13">{_plain(tick)}</text>'
        )
    lines.append(
        f'<text class="axis-label" x="{LABEL_WIDTH + PLOT_WIDTH // 2}" y="{height - 4}" '
        f'text-anchor="middle" font-size="13">{_e(unit)}</text>'
    )
    lines += [_chart_row(row, index * ROW_HEIGHT, axis) for index, row in enumerate(rows)]
    lines.append("</svg>")
    return "\n".join(lines)


def _chart_row(row: Row, top: int, axis: _Axis) -> str:
    """One component: its name, its bar, its whisker and its numbers."""
    middle = top + ROW_HEIGHT // 2
    name = _e(row["component"])
    amount = _e(_readable([row["amount_cny"]], "CNY"))
    amount_range = _e(_readable([row["amount_cny_low"], row["amount_cny_high"]], "CNY"))
    share = _e(_readable([row["share_pct"]], "percent"))
    share_range = _e(_readable([row["share_pct_low"], row["share_pct_high"]], "percent"))
    end, low, high = (
        axis.x(row[column]) for column in ("amount_cny", "amount_cny_low", "amount_cny_high")
    )
    values_x = LABEL_WIDTH + PLOT_WIDTH + 16
    return "\n".join(
        [
            f'<g class="component" data-component="{_e(row["component_id"])}">',
            f'<text x="{LABEL_WIDTH - 12}" y="{middle + 5}" text-anchor="end" font-size="15">'
            f"{name}</text>",
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{middle - 15}" '
            f'width="{float(end) - LABEL_WIDTH:.1f}" height="30">'
            f"<title>{name}: {amount}, {share} of the total</title></rect>",
            f'<g class="whisker"><title>Range the rounding allows: {amount_range}</title>',
            f'<line x1="{low}" x2="{high}" y1="{middle}" y2="{middle}"/>',
            f'<line x1="{low}" x2="{low}" y1="{middle - 11}" y2="{middle + 11}"/>',
            f'<line x1="{high}" x2="{high}" y1="{middle - 11}" y2="{middle + 11}"/></g>',
            f'<text x="{values_x}" y="{middle - 3}" font-size="15" font-weight="700">'
            f"{amount}</text>",
            f'<text class="share" x="{values_x}" y="{middle + 15}" font-size="13">'
            f"{share} of the total ({share_range})</text>",
            "</g>",
        ]
    )


# Numbers and small pieces of HTML ------------------------------------------------------------


def _value_and_range(
    value: Decimal | None, low: Decimal | None, high: Decimal | None, unit: str | None
) -> str:
    """'85.7% (range 85.65-85.75%)': the value when there is one, then what it stands for."""
    spread = _range(low, high, unit)
    if value is None or high is None or low == high:
        return spread
    return f'{_number([value], unit)} <span class="interval">(range {spread})</span>'


def _range(low: Decimal | None, high: Decimal | None, unit: str | None) -> str:
    if low is None:
        return "nothing to compare"
    if high is None:
        return f"at least {_number([low], unit)}"
    if low == high:
        return _number([low], unit)
    return _number([low, high], unit)


def _number(values: Sequence[Decimal], unit: str | None) -> str:
    """Readable text ('86.65-86.75 billion yuan') with the exact values in its title."""
    exact = DASH.join(_plain(value, rounded=False) for value in values) + UNITS.get(unit or "", "")
    return f'<span class="number" title="{_e(exact)}">{_e(_readable(values, unit))}</span>'


def _readable(values: Sequence[Decimal], unit: str | None) -> str:
    """All values in the scale of the largest, so a range reads '86.65-86.75 billion yuan'."""
    factor, word = _scale(values)
    digits = DASH.join(_plain(value / factor) for value in values)
    return digits + word + UNITS.get(unit or "", "")


def _scale(values: Sequence[Decimal]) -> tuple[Decimal, str]:
    largest = max(abs(value) for value in values)
    return next(((factor, word) for factor, word in SCALES if largest >= factor), SCALES[-1])


def _plain(value: Decimal, rounded: bool = True) -> str:
    """Digits grouped by thousands, no exponent, no trailing zeros."""
    if rounded:
        value = value.quantize(SHOWN_DIGITS, rounding=ROUND_HALF_UP)
    return numbers.plain(value, grouped=True)


def _status(status: str) -> str:
    """A coloured label that says the status in words too, not by colour alone."""
    return (
        f'<span class="status status-{_e(status)}">{_e(STATUS_LABELS.get(status, status))}</span>'
    )


def _definitions(pairs: Sequence[tuple[str, str]]) -> str:
    """A <dl> of (term, HTML) pairs; the HTML is already escaped by the caller."""
    items = "".join(f"<dt>{_e(term)}</dt><dd>{definition}</dd>" for term, definition in pairs)
    return f"<dl>{items}</dl>\n"


def _table(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A table of already-escaped cells."""
    head = "".join(f"<th>{_e(heading)}</th>" for heading in headings)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        f'<div class="table"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>\n"
    )


def _e(value: object) -> str:
    return "" if value is None else html.escape(str(value))
