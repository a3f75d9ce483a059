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
import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from wechat_impact.numbers import plain

Row = dict[str, Any]

CSS = Path(__file__).parent / "page_assets" / "page.css"
# One query per file, linted by sqlfluff like the models; each reads the public marts only.
QUERIES_DIR = Path(__file__).parent / "sql" / "page"
QUERIES = (
    "documents",
    "build_info",
    "breakdown",
    "printed_amounts",
    "derived",
    "claims",
    "mentions",
    "validation",
    "verdicts",
    "translations",
    "series",
    "sources",
)
# The page sits in <release>/page/, the exports in <release>/exports/.
EXPORTS_HREF = "../exports/"
FORMAT_NAMES = {"csv": "CSV", "parquet": "Parquet"}

STATUS_LABELS = {
    "inconsistent": "✗ Inconsistent",
    "consistent": "✓ Consistent",
    "unverifiable": "? Unverifiable",
    "passed": "✓ Passed",
    "failed": "✗ Failed",
    "contradicted": "✗ Contradicted",
    "corroborated": "✓ Corroborated",
}
UNIT_WORDS = {"CNY": "yuan", "percent": "%", "persons": "people"}

# Nothing may load, and no script may run, even if a bug let markup through the escaping.
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def write_page(database: Path, out_dir: Path, exports: Sequence[Mapping[str, Any]] = ()) -> Path:
    """Write out_dir/index.html for the release in `database` and return its path.

    `exports` are the files of the exports manifest (exports.write_exports), linked as the
    release's downloads."""
    with duckdb.connect(str(database), read_only=True) as connection:
        data = {
            name: _rows(connection, (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8"))
            for name in QUERIES
        }
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / "index.html"
    page.write_text(_page(data, exports), encoding="utf-8")
    return page


def _rows(connection: duckdb.DuckDBPyConnection, query: str) -> list[Row]:
    cursor = connection.execute(query)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _page(data: dict[str, list[Row]], exports: Sequence[Mapping[str, Any]]) -> str:
    documents = data["documents"]
    title = documents[0]["title"] if len(documents) == 1 else f"{len(documents)} documents"
    body = "\n".join(
        [
            _header(title, data),
            _claims_section(_within(data["claims"])),
            _verdicts_section(data["verdicts"]),
            _translations_section(data["translations"]),
            _cross_checks_section(_across(data["claims"])),
            _series_section(data["series"]),
            _derived_section(data["derived"]),
            _breakdown_section(data["breakdown"], data["printed_amounts"]),
            _figures_section(data["mentions"]),
            _validation_section(data["validation"]),
            _downloads_section(exports),
            _provenance_section(documents, data["sources"], data["build_info"]),
        ]
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Figures checked: {_e(title)}</title>
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


def _header(title: str, data: dict[str, list[Row]]) -> str:
    claims = _within(data["claims"])
    checked = [claim for claim in claims if _group(claim) == "checked"]
    bounds = [claim for claim in claims if _group(claim) == "bound"]
    unverifiable = [claim for claim in claims if _group(claim) == "unverifiable"]
    inconsistent = sum(claim["status"] == "inconsistent" for claim in checked)
    bounds_broken = sum(claim["status"] == "inconsistent" for claim in bounds)
    figures = {row["figure_id"] for row in data["mentions"]}
    failed = sum(not row["success"] for row in data["validation"])
    reports = "; ".join(
        f"the <em>{_e(document['report_title'])}</em> ({_e(document['report_publisher'])}, "
        f"{_e(document['report_date'])})"
        for document in data["documents"]
    )
    return f"""<header>
<h1>{_e(title)}: do the figures add up?</h1>
<p class="lede">Reporting on {reports}, checked figure by figure: every number printed, in the
sentence that prints it, what the numbers imply, and whether the claims made with them can all
be true.</p>
<p class="note">A printed figure stands for a range: “85.7%” can be anything from 85.65% to 85.75%
(half a unit of its last digit either side; a whole unit for “about”). Numbers are rounded for
reading, ranges outward; point at one to see its exact value.</p>
<nav><a href="#claims">Claims</a><a href="#verdicts">Verdicts</a>
<a href="#translation">Translation</a><a href="#cross-checks">Across documents</a>
<a href="#series">Series</a><a href="#derived">What the figures imply</a>
<a href="#breakdown">Breakdown</a><a href="#figures">Figures</a>
<a href="#validation">Validation</a><a href="#downloads">Downloads</a>
<a href="#provenance">Sources</a></nav>
<div class="summary">
<div{_alert(inconsistent)}><strong>{inconsistent} of {len(checked)}</strong>claims checked \
against a value recomputed from other figures are inconsistent</div>
<div{_alert(bounds_broken)}><strong>{len(bounds) - bounds_broken} of {len(bounds)}</strong>\
claims keep within a bound (a share within 0 to 100%, a part within its whole)</div>
<div><strong>{len(unverifiable)}</strong>claims cannot be checked: nothing else is printed \
to check them against</div>
<div><strong>{len(figures)}</strong>figures, printed {len(data["mentions"])} times; \
{len(data["derived"])} derived from them</div>
<div{_alert(failed)}><strong>{len(data["validation"]) - failed} of {len(data["validation"])}\
</strong>validation checks passed{f", {failed} failed" if failed else ""}</div>
</div>
</header>"""


def _within(claims: Sequence[Row]) -> list[Row]:
    """The claims a document makes about its own figures."""
    return [claim for claim in claims if not claim["compares_documents"]]


def _across(claims: Sequence[Row]) -> list[Row]:
    """The claims that compare one document's figures with another's."""
    return [claim for claim in claims if claim["compares_documents"]]


def _group(claim: Row) -> str:
    """checked (against a recomputed value), bound (only a bound to keep) or unverifiable."""
    if claim["status"] == "unverifiable":
        return "unverifiable"
    return "bound" if claim["bound_only"] else "checked"


def _alert(problems: int) -> str:
    """Marks a summary box red when it counts problems, so they are seen first."""
    return ' class="alert"' if problems else ""


CLAIM_GROUPS = (
    (
        "checked",
        "Checked against the other figures",
        "The document's other figures give a value for what the claim publishes.",
    ),
    (
        "bound",
        "Checked against a bound only",
        "The other figures only bound the claim (a share lies within 0 to 100%, a part within "
        "its whole): a weak check, counted apart.",
    ),
    (
        "unverifiable",
        "Not checkable",
        "The document prints nothing else to check these against.",
    ),
)


def _claims_section(claims: Sequence[Row]) -> str:
    groups = "".join(
        f'<h3 class="group" id="claims-{name}">{_e(heading)}</h3>\n<p class="note">{_e(note)}</p>\n'
        + "".join(_claim(claim) for claim in claims if _group(claim) == name)
        for name, heading, note in CLAIM_GROUPS
        if any(_group(claim) == name for claim in claims)
    )
    return f"""<section id="claims">
<h2>Claims checked</h2>
<p class="note">Each document's claims about its own figures. A claim is
<strong>consistent</strong> when the range the document publishes and the range its other
figures allow overlap, <strong>inconsistent</strong> when they cannot both hold (the gap is how
far apart they are), and <strong>unverifiable</strong> when the document prints nothing to check
it against.</p>
{groups}
</section>"""


def _claim(claim: Row) -> str:
    status, unit = claim["status"], claim["unit"]
    published = _shown(
        claim["published_display"],
        claim["published_interval_display"],
        [claim["published_value"], claim["published_low"], claim["published_high"]],
        unit,
    )
    recomputed = _shown(
        claim["recomputed_display"],
        claim["recomputed_interval_display"],
        [claim["recomputed_value"], claim["recomputed_low"], claim["recomputed_high"]],
        unit,
    )
    uses = ", ".join(
        f'<a href="#figure-{_e(figure["figure_id"])}">{_e(figure["label"])}</a>'
        if figure["listed"]
        else _e(figure["label"])
        for figure in claim["figures"]
    )
    facts = _definitions(
        [("Published", published), ("Recomputed", recomputed)]
        + ([("Gap", _gap(claim))] if claim["gap_display"] is not None else [])
    )
    return f"""<article class="claim {_e(status)}" id="claim-{_e(claim["claim_id"])}" \
data-group="{_group(claim)}">
<header>{_status(status)}<p class="statement">{_e(claim["statement"])}</p></header>
<div class="claim-body">{facts}{_ranges_chart(claim)}</div>
<p class="why">{_e(claim["explanation"])}</p>
<p class="uses">Figures: {uses}</p>
</article>
"""


def _verdicts_section(verdicts: Sequence[Row]) -> str:
    contradicted = [row for row in verdicts if row["verdict"] == "contradicted"]
    wrong = "; ".join(
        f"<strong>{_e(row['printed_text'])}</strong> ({_e(row['label'])}, "
        f"{_e(row['data_year'])}, {_e(row['publisher'])})"
        for row in contradicted
    )
    lead = (
        f'<p class="lede">The later documents contradict {len(contradicted)} '
        f"{'figure' if len(contradicted) == 1 else 'figures'}: {wrong}.</p>"
        if contradicted
        else '<p class="lede">No figure is contradicted by another document.</p>'
    )
    rows = [
        [
            _status(row["verdict"]),
            f"<strong>{_e(row['printed_text'])}</strong> {_e(row['label'])}, "
            f"{_e(row['data_year'])} ({_e(row['publisher'])})",
            f"contradicted by {row['contradicting_checks']}, "
            f"corroborated by {row['corroborating_checks']}",
            _e(row["explanation"]),
        ]
        for row in verdicts
    ]
    return f"""<section id="verdicts">
<h2>Which figure is wrong</h2>
{lead}
<p class="note">Each figure that a check across documents tests: <strong>contradicted</strong>
when a check with another document's figures fails on it, <strong>corroborated</strong> when
every check passes. Figures no other document tests are left out.</p>
{_table(["Verdict", "Figure", "Checks across documents", "Why"], rows, "verdict")}
</section>"""


def _translations_section(translations: Sequence[Row]) -> str:
    rows = [
        [
            f"<strong>{_e(row['printed_text'])}</strong> ({_e(row['locator'])})",
            f"<strong>{_e(row['counterpart_printed_text'])}</strong>"
            + (
                f" after “{_e(row['counterpart_qualifying_word'])}”"
                if row["counterpart_qualifying_word"]
                else ""
            )
            + f" ({_e(row['counterpart_locator'])}, {_e(row['counterpart_publisher'])})",
            _e(row["what_differs"]),
        ]
        for row in translations
    ]
    return f"""<section id="translation">
<h2>What the translation changed</h2>
<p class="note">Each printed figure set beside the same figure in the original it translates;
only those that differ are listed ({len(translations)}).</p>
{_table(["As translated", "In the original", "What differs"], rows, "translation")}
</section>"""


def _cross_checks_section(checks: Sequence[Row]) -> str:
    inconsistent = sum(row["status"] == "inconsistent" for row in checks)
    rows = [
        [
            _status(row["status"]),
            _e(row["statement"]),
            _gap(row),
            _e(row["known_discrepancy_reason"] or row["explanation"]),
        ]
        for row in checks
    ]
    return f"""<section id="cross-checks">
<h2>Checks across documents</h2>
<p>{inconsistent} of {len(checks)} checks of one document's figures against another's fail. The
gap is how far the published range lies from the range the other figures allow.</p>
{_table(["Result", "Check", "Gap", "Why"], rows, "cross-check")}
</section>"""


def _gap(check: Row) -> str:
    """The gap as the warehouse's display rule writes it (marts.claim_checks)."""
    if check["gap_display"] is None:
        return ""
    words = check["gap_display"]
    if check["gap_pct_of_published_display"] is not None:
        words += f" ({check['gap_pct_of_published_display']} of the published value)"
    return _e(words)


def _series_section(series: Sequence[Row]) -> str:
    charts = "".join(
        _series(list(rows)) for _, rows in itertools.groupby(series, key=lambda r: r["measure_id"])
    )
    return f"""<section id="series">
<h2>The figures year by year</h2>
<p class="note">Every measure the documents print for more than one year, on a scale from zero.
A dot marks the middle of the range a year's printed figures allow; its whisker spans that range
(most are narrower than the dot; an arrow means the range has no upper end). Ranges are
combined over every document that prints the year.</p>
{charts}
</section>"""


def _series(points: Sequence[Row]) -> str:
    first = points[0]
    unit = UNIT_WORDS.get(first["unit"], first["unit"])
    rows = [
        [
            _e(point["data_year"]),
            _e(point["printed_texts"]),
            _e(_range_words(point, unit)),
            f"{point['document_count']}"
            + ("" if point["documents_agree"] else ", <strong>they disagree</strong>"),
        ]
        for point in points
    ]
    return f"""<figure class="series" data-measure="{_e(first["measure_id"])}">
<figcaption>{_e(first["label"])}</figcaption>
{_series_chart(points, unit)}
{_table(["Year", "Printed as", "Range", "Documents"], rows)}</figure>
"""


def _range_words(point: Row, unit: str) -> str:
    """The exact range a year's figures allow: its ends are half units, as printed."""
    low, high = point["value_low"], point["value_high"]
    text = (
        f"more than {plain(low, grouped=True)}"
        if high is None
        else f"{plain(low, grouped=True)} to {plain(high, grouped=True)}"
    )
    return f"{text} {unit}".replace(" %", "%")


def _cited_sources(cited: Sequence[Row]) -> str:
    rows = [
        [
            _e(row["kind"]),
            _e(row["publisher"]),
            _e(row["published_on"] or "no date printed"),
            _e(row["data_year"]),
            _e(row["language"]),
            f'<a href="{_e(row["url"])}">{_e(row["url"])}</a>' if row["url"] else "no address",
        ]
        for row in cited
    ]
    table = _table(
        ["Kind", "Publisher", "Published", "Data year", "Language", "Address"], rows, "source"
    )
    return f"""<h3>Documents cited</h3>
<p class="note">Of these only the printed figures and their qualifying words are stored, not
their text; follow the address to read them.</p>
{table}"""


def _derived_section(derived: Sequence[Row]) -> str:
    rows = [
        [
            _e(row["label"]),
            _shown(
                row["value_display"],
                row["interval_display"],
                [row["value"], row["value_low"], row["value_high"]],
                row["unit"],
            ),
            f"<code>{_e(row['formula'])}</code>",
            ", ".join(
                f'<a href="#figure-{_e(figure["figure_id"])}">{_e(figure["label"])}</a>'
                for figure in row["figures"]
            ),
        ]
        for row in derived
    ]
    table = _table(["What", "Value", "Formula", "From the printed figures"], rows)
    return f"""<section id="derived">
<h2>What the figures imply</h2>
<p class="note">Quantities the article does not print but its figures imply, each computed
from the printed figures by the formula beside it; the range is what the printed precision of
the inputs allows.</p>
{table}
</section>"""


def _breakdown_section(rows: Sequence[Row], printed: Sequence[Row]) -> str:
    """One chart and table per broken-down total."""
    parts = []
    for _, grouped in itertools.groupby(rows, key=lambda row: row["total_id"]):
        components = list(grouped)
        ids = {row["component_id"] for row in components}
        parts.append(
            _breakdown(components, [amount for amount in printed if amount["component_id"] in ids])
        )
    return f"""<section id="breakdown">
<h2>Where the totals come from</h2>
{"".join(parts)}
</section>"""


def _breakdown(components: Sequence[Row], printed: Sequence[Row]) -> str:
    table = _table(
        ["Component", "Amount", "Share of the total"],
        [
            [
                _e(row["component"]),
                _shown(
                    row["amount_display"],
                    row["amount_interval_display"],
                    [row["amount_cny"], row["amount_cny_low"], row["amount_cny_high"]],
                    "CNY",
                ),
                _shown(
                    row["share_display"],
                    row["share_interval_display"],
                    [row["share_pct"], row["share_pct_low"], row["share_pct_high"]],
                    "percent",
                ),
            ]
            for row in components
        ],
    )
    first = components[0]
    total = _shown(first["total_display"], None, [first["total_cny"]], "CNY")
    conflicts = "".join(_printed_elsewhere(components, amount) for amount in printed)
    return f"""<h3 id="breakdown-{_e(first["total_id"])}">The {total}, by component</h3>
<figure>
{_breakdown_chart(components, printed)}
<figcaption>Bars show each component's amount, derived from the printed total and shares; they
add up to the total. The black whisker at the end of a bar spans the range the article's rounding
allows. A red diamond on a bar's line marks an amount the article prints elsewhere for the same
component.</figcaption>
</figure>
{f'<ul class="printed-elsewhere">{conflicts}</ul>' if conflicts else ""}
{table}"""


def _printed_elsewhere(components: Sequence[Row], amount: Row) -> str:
    """A sentence that sets a printed amount beside the amount its component's share implies."""
    component = next(row for row in components if row["component_id"] == amount["component_id"])
    return (
        f"<li>{_e(component['component'])}: its {_e(component['share_display'])} share implies "
        f"<strong>{_e(component['amount_display'])}</strong> "
        f"({_e(component['amount_interval_display'])}), yet the article also prints "
        f"<strong>{_e(amount['printed_text'])}</strong> ({_e(amount['label'])}, "
        f"{_e(amount['interval_display'])}); the claim that compares them is "
        f'<a href="#claim-{_e(amount["claim_id"])}">{_e(amount["status"])}</a>.</li>'
    )


def _figures_section(mentions: Sequence[Row]) -> str:
    figures = itertools.groupby(mentions, key=lambda row: row["figure_id"])
    return f"""<section id="figures">
<h2>Every figure printed</h2>
<p class="note">In the order they are first printed, each with every sentence that prints it;
the highlighted words are the figure as printed.</p>
{"".join(_figure(list(rows)) for _, rows in figures)}
</section>"""


def _figure(mentions: Sequence[Row]) -> str:
    figure = mentions[0]
    value = _shown(
        figure["value_display"],
        figure["interval_display"],
        [figure["value"], figure["value_low"], figure["value_high"]],
        figure["unit"],
    )
    times = "once" if figure["mention_count"] == 1 else f"{figure['mention_count']} times"
    facts = " · ".join(
        [
            value,
            _e(figure["qualifier"]).replace("_", " "),
            f"data year {figure['data_year']}",
            f"printed {times}",
        ]
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
        f"“{_e(mention['printed_text'])}” in paragraph {mention['paragraph_number']}, "
        f"sentence {mention['sentence_number']} (characters {mention['char_start']} to "
        f"{mention['char_end']} of the text, counted from 0)</span></blockquote>\n"
    )


def _validation_section(results: Sequence[Row]) -> str:
    failed = sum(not row["success"] for row in results)
    table = _table(
        ["Result", "Table", "What was checked", "What was found"],
        [
            [
                _status("passed" if row["success"] else "failed"),
                _e(row["suite"].replace("_", " ")),
                _e(_sentence(row["details"])),
                _e(_found(row["observed_value"])),
            ]
            for row in results
        ],
    )
    return f"""<section id="validation">
<h2>Validation</h2>
<p>{len(results) - failed} of {len(results)} checks passed, {failed} failed. They ran over this
release's tables before it was published (with Great Expectations; its names for each check are
in the <code>validation_results</code> table).</p>
{table}
</section>"""


def _sentence(details: str | None) -> str:
    """'expected every mention ...' -> 'Every mention ...'."""
    text = (details or "").removeprefix("expected ").strip()
    return text[:1].upper() + text[1:]


def _found(observed: str | None) -> str:
    """The validator's observation in words: rows looked at, values seen, rows not as expected."""
    try:
        seen = json.loads(observed or "")
    except ValueError:
        return observed or ""
    if not isinstance(seen, dict):
        return str(seen)
    words = []
    if "rows" in seen:
        words.append(f"{seen['rows']} {'row' if seen['rows'] == 1 else 'rows'} looked at")
    if "observed" in seen:
        words.append(f"found {_listed(seen['observed'])}")
    if "unexpected" in seen:
        unexpected = seen["unexpected"]
        words.append(
            f"not as expected: {_listed(unexpected)}" if unexpected else "none not as expected"
        )
    if seen.get("missing"):
        words.append(f"missing: {_listed(seen['missing'])}")
    return "; ".join(words)


def _listed(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(_listed(item) for item in value) or "nothing"
    if isinstance(value, dict):
        return "(" + ", ".join(f"{key} {item}" for key, item in value.items()) + ")"
    return str(value)


def _downloads_section(exports: Sequence[Mapping[str, Any]]) -> str:
    if not exports:
        return ""
    tables = itertools.groupby(
        sorted(exports, key=lambda file: (file["table"], file["format"])),
        key=lambda file: file["table"],
    )
    rows = [
        [
            f"<code>{_e(table)}</code>",
            " · ".join(
                f'<a href="{_e(EXPORTS_HREF + file["file"])}">'
                f"{_e(FORMAT_NAMES.get(file['format'], file['format']))}</a>"
                for file in files
            ),
            f"{files[0]['rows']:,}",
        ]
        for table, grouped in tables
        for files in [list(grouped)]
    ]
    return f"""<section id="downloads">
<h2>Downloads</h2>
<p>Every table of this release as CSV and Parquet, beside this page; the
<a href="{EXPORTS_HREF}manifest.json">manifest</a> lists each file's rows and SHA-256. The same
tables are in the DuckDB file, schema <code>marts</code>.</p>
{_table(["Table", "Files", "Rows"], rows)}
</section>"""


def _provenance_section(
    documents: Sequence[Row], cited: Sequence[Row], builds: Sequence[Row]
) -> str:
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
{_cited_sources(cited)}
<h3>This release</h3>
{releases}
</section>"""


# Charts --------------------------------------------------------------------------------------

RANGES_WIDTH = 420
RANGES_LEFT = 96  # "Published" / "Recomputed" labels before the bands
RANGES_PLOT = 300


def _ranges_chart(claim: Row) -> str:
    """The published and the recomputed range on one axis, so a gap between them shows at a
    glance, each labelled with its range; nothing when either range is missing or unbounded."""
    sides = [
        (side, claim[f"{side}_low"], claim[f"{side}_high"], claim[f"{side}_interval_display"])
        for side in ("published", "recomputed")
    ]
    ends = [end for _, low, high, _ in sides for end in (low, high)]
    if None in ends:
        return ""
    low, high = min(ends), max(ends)
    span = (high - low) or Decimal(1)

    def x(value: Decimal) -> float:
        return RANGES_LEFT + RANGES_PLOT * float((value - low) / span)

    bands = []
    for row, (side, start, end, shown) in enumerate(sides):
        top = 4 + row * 40
        bands.append(
            f'<text x="{RANGES_LEFT - 8}" y="{top + 13}" text-anchor="end" font-size="13">'
            f"{side.title()}</text>"
            f'<rect class="band {side}" x="{x(start):.1f}" y="{top}" '
            f'width="{max(3.0, x(end) - x(start)):.1f}" height="18"/>'
            f'<text class="axis-label" x="{x(start):.1f}" y="{top + 32}" font-size="12" '
            f'text-anchor="{"start" if x(start) < RANGES_LEFT + RANGES_PLOT / 2 else "end"}">'
            f"{_e(shown)}</text>"
        )
    return (
        f'<svg class="ranges" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {RANGES_WIDTH} 84" '
        f'role="img" aria-label="Published and recomputed ranges on one scale">'
        f"{''.join(bands)}</svg>"
    )


CHART_WIDTH = 960
LABEL_WIDTH = 250  # component names, right-aligned before the bars
PLOT_WIDTH = 360
ROW_HEIGHT = 64
GRID_STEPS = 4


def _breakdown_chart(rows: Sequence[Row], printed: Sequence[Row]) -> str:
    """Horizontal bars of the amounts with whiskers for their ranges, a diamond for each
    amount printed elsewhere for the same component, as inline SVG. The values are written
    beside the bars, so the plot needs no numbered axis."""
    top = max([row["amount_cny_high"] for row in rows] + [p["value_high"] for p in printed])

    def x(amount: Decimal) -> float:
        return LABEL_WIDTH + PLOT_WIDTH * float(amount / top)

    height = len(rows) * ROW_HEIGHT + 8
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_WIDTH} {height}" '
        'role="img" aria-labelledby="breakdown-title">',
        '<title id="breakdown-title">Amounts by component, each with the range the rounding '
        "allows</title>",
    ]
    for step in range(GRID_STEPS + 1):
        grid_x = LABEL_WIDTH + PLOT_WIDTH * step / GRID_STEPS
        lines.append(
            f'<line class="grid" x1="{grid_x:.1f}" x2="{grid_x:.1f}" y1="0" y2="{height}"/>'
        )
    for index, row in enumerate(rows):
        elsewhere = [p for p in printed if p["component_id"] == row["component_id"]]
        lines.append(_chart_row(row, index * ROW_HEIGHT, x, elsewhere))
    lines.append("</svg>")
    return "\n".join(lines)


def _chart_row(row: Row, top: int, x: Any, printed: Sequence[Row]) -> str:
    """One component: its name, its bar, its whisker, printed amounts and its numbers."""
    middle = top + ROW_HEIGHT // 2
    name = _e(row["component"])
    amount, share = _e(row["amount_display"]), _e(row["share_display"])
    end, low, high = (
        x(row[column]) for column in ("amount_cny", "amount_cny_low", "amount_cny_high")
    )
    values_x = LABEL_WIDTH + PLOT_WIDTH + 16
    marks = [
        f'<g class="printed" data-figure="{_e(amount_row["figure_id"])}">'
        f"<title>Printed elsewhere: {_e(amount_row['printed_text'])} "
        f"({_e(amount_row['interval_display'])})</title>"
        f'<line x1="{x(amount_row["value_low"]):.1f}" x2="{x(amount_row["value_high"]):.1f}" '
        f'y1="{middle}" y2="{middle}"/>'
        f'<path d="M {x(amount_row["value"]):.1f} {middle - 8} l 8 8 l -8 8 l -8 -8 z"/></g>'
        for amount_row in printed
    ]
    printed_text = "".join(
        f'<text class="printed-label" x="{values_x}" y="{middle + 29}" font-size="13">'
        f"printed elsewhere: {_e(amount_row['value_display'])}</text>"
        for amount_row in printed[:1]
    )
    return "\n".join(
        [
            f'<g class="component" data-component="{_e(row["component_id"])}">',
            f'<text x="{LABEL_WIDTH - 12}" y="{middle + 5}" text-anchor="end" font-size="15">'
            f"{name}</text>",
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{middle - 12}" '
            f'width="{end - LABEL_WIDTH:.1f}" height="24">'
            f"<title>{name}: {amount}, {share} of the total</title></rect>",
            f'<g class="whisker"><title>Range the rounding allows: '
            f"{_e(row['amount_interval_display'])}</title>",
            f'<line x1="{low:.1f}" x2="{high:.1f}" y1="{middle}" y2="{middle}"/>',
            f'<line x1="{low:.1f}" x2="{low:.1f}" y1="{middle - 9}" y2="{middle + 9}"/>',
            f'<line x1="{high:.1f}" x2="{high:.1f}" y1="{middle - 9}" y2="{middle + 9}"/></g>',
            *marks,
            f'<text x="{values_x}" y="{middle - 3}" font-size="15" font-weight="700">'
            f"{amount}</text>",
            f'<text class="share" x="{values_x}" y="{middle + 14}" font-size="13">'
            f"{share} of the total ({_e(row['share_interval_display'])})</text>",
            printed_text,
            "</g>",
        ]
    )


SERIES_WIDTH = 640
SERIES_LEFT = 40
SERIES_PLOT = 560
SERIES_TOP = 16
SERIES_HEIGHT = 160
SERIES_HEADROOM = Decimal("1.1")  # above the largest end, for a range with no upper end


def _series_chart(points: Sequence[Row], unit: str) -> str:
    """One mark per data year, at the middle of its range, with a whisker spanning the range."""
    years = [point["data_year"] for point in points]
    first, last = min(years), max(years)
    largest = max(point["value_high"] or point["value_low"] for point in points)
    top = largest * SERIES_HEADROOM or Decimal(1)

    def x(year: int) -> float:
        return SERIES_LEFT + SERIES_PLOT * (year - first) / ((last - first) or 1)

    def y(value: Decimal) -> float:
        return SERIES_TOP + SERIES_HEIGHT * (1 - float(value / top))

    base = SERIES_TOP + SERIES_HEIGHT
    marks = [f'<line class="grid" x1="0" x2="{SERIES_WIDTH}" y1="{base}" y2="{base}"/>']
    for point in points:
        low, high = point["value_low"], point["value_high"]
        at = x(point["data_year"])
        upper = SERIES_TOP if high is None else y(high)
        middle = y(low) if high is None else y((low + high) / 2)
        marks.append(
            f'<g class="point" data-year="{_e(point["data_year"])}">'
            f"<title>{_e(point['data_year'])}: {_e(point['printed_texts'])} "
            f"({_e(_range_words(point, unit))})</title>"
            f'<line class="{"interval open" if high is None else "interval"}" '
            f'x1="{at:.1f}" x2="{at:.1f}" y1="{y(low):.1f}" y2="{upper:.1f}"/>'
            f'<line class="interval" x1="{at - 6:.1f}" x2="{at + 6:.1f}" '
            f'y1="{y(low):.1f}" y2="{y(low):.1f}"/>'
            + (
                f'<path class="interval" d="M {at - 6:.1f} {upper + 6:.1f} l 6 -6 l 6 6"/>'
                if high is None
                else f'<line class="interval" x1="{at - 6:.1f}" x2="{at + 6:.1f}" '
                f'y1="{upper:.1f}" y2="{upper:.1f}"/>'
            )
            + f'<circle class="mark" cx="{at:.1f}" cy="{middle:.1f}" r="4"/>'
            f'<text x="{at:.1f}" y="{base + 18}" text-anchor="middle" font-size="13">'
            f"{_e(point['data_year'])}</text></g>"
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SERIES_WIDTH} {base + 26}" '
        f'role="img" aria-label="{_e(points[0]["label"])}, year by year">'
        f"{''.join(marks)}</svg>"
    )


# Numbers and small pieces of HTML ------------------------------------------------------------


def _shown(
    value: str | None, interval: str | None, exact: Sequence[Decimal | None], unit: str | None
) -> str:
    """'85.7% [85.65, 85.75]%': the value as the warehouse writes it (display columns: the one
    formatter rule lives in the dbt macros) and the range it stands for, with the exact
    values in a tooltip."""
    title = "exactly " + ", ".join(_exact(number) for number in exact if number is not None)
    if value and interval:
        text = f'{_e(value)} <span class="interval">{_e(interval)}</span>'
    elif value or interval:
        text = _e(value or interval)
    else:
        return "nothing to compare"
    return f'<span class="number" title="{_e(title)} {_e(unit or "")}">{text}</span>'


def _exact(value: Decimal) -> str:
    """The exact decimal, without an exponent or trailing zeros (95200000000, 85.65)."""
    return format(value.normalize(), "f")


def _status(status: str) -> str:
    """A coloured label that says the status in words too, not by colour alone."""
    return (
        f'<span class="status status-{_e(status)}">{_e(STATUS_LABELS.get(status, status))}</span>'
    )


def _definitions(pairs: Sequence[tuple[str, str]]) -> str:
    """A <dl> of (term, HTML) pairs; the HTML is already escaped by the caller."""
    items = "".join(f"<dt>{_e(term)}</dt><dd>{definition}</dd>" for term, definition in pairs)
    return f"<dl>{items}</dl>\n"


def _table(headings: Sequence[str], rows: Sequence[Sequence[str]], row_class: str = "") -> str:
    """A table of already-escaped cells; rows get `row_class` when given."""
    head = "".join(f"<th>{_e(heading)}</th>" for heading in headings)
    tr = f'<tr class="{_e(row_class)}">' if row_class else "<tr>"
    body = "".join(tr + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        f'<div class="table"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>\n"
    )


def _e(value: object) -> str:
    return "" if value is None else html.escape(str(value))
