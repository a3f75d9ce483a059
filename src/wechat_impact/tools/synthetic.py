"""A synthetic corpus in the seed format, for running the warehouse at scale.

    python -m wechat_impact.tools.synthetic --documents 10000 --out DIR

writes DIR/seeds (every seed file, same headers, plus _seeds.yml) and DIR/sources (the article
and one small text file per synthetic document), so DIR passes `inputs.check_inputs` as it is.
The article's document and seed rows come first, unchanged, so every check of the published
figures still holds; after them come N synthetic documents of 100 figures each.

A synthetic document is ten sections of ten figures, each the article's relations in
miniature: a total with two printed shares, a part printed beside its share, a part of a whole,
"x%, of which y%", a range and a lower bound; two figures are printed twice, agreeing. The
first --linked-sections sections (default 1) are related: a claim of every claim type, a
derivation of every operation and a breakdown of the total. The others print their figures
without relations, as most of a large corpus would; with 10 every section is related, the
article's own density (some 0.8 claims and 0.7 derivations per figure, 7 seed rows per figure).

Numbers are drawn with an integer hash of the section, so the same N gives byte-identical
files, within limits that keep every rule (percentages at most 100, parts below their wholes,
shares leaving a remainder). Intervals follow the printed precision, as the extractor's do. In
two documents of every hundred (numbers 3 and 7, section 0) one claim is made false on purpose;
those claims, and only those, join the article's in the known-discrepancies register.

Everything is built in DuckDB with set-based SQL over range(N): no Python loop touches a row.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import duckdb

from wechat_impact import inputs
from wechat_impact.project_files import ROOT

SECTIONS_PER_DOCUMENT = 10
FIGURES_PER_SECTION = 10
FIGURES_PER_DOCUMENT = SECTIONS_PER_DOCUMENT * FIGURES_PER_SECTION
LINKED_SECTIONS = 1
GENERATOR_MEMORY_LIMIT = "768MB"
SYNTHETIC_SOURCES = "sources/synthetic"

# DuckDB writes each document's text as a one-column, one-row CSV into
# document_id=<id>/text_{i}.txt, {i} being 0 for the one file of a partition. A tab never
# occurs in the text, so nothing is quoted: the file is the text and a newline, and the seeds
# record that path, sha256 and length.
DOCUMENT_FILE = "text_{i}.txt"

MACROS = """
-- Thomas Mueller's 32-bit integer hash: the same input gives the same draw on every run.
create macro mix_step(x) as (xor(x >> 16, x) * 73244475) % 4294967296;
create macro mix(x) as xor(mix_step(mix_step(x)) >> 16, mix_step(mix_step(x)));
create macro draw(section_number, salt, low, high) as
    low + mix(section_number * 16 + salt) % (high - low + 1);
-- A quantity as plain text without trailing zeros, as the seeds print them: 85.65, 95200000000.
create macro plain(x) as
    rtrim(rtrim(cast(cast(x as decimal(38, 4)) as varchar), '0'), '.');
create macro digits_text(digits, decimals) as
    case decimals
        when 0 then cast(digits as varchar)
        else cast(digits // 10 as varchar) || '.' || cast(digits % 10 as varchar)
    end;
"""

# One row per section, with the printed digits of its ten figures (an integer in units of the
# last printed digit: 952 is "95.2 billion yuan"). The limits keep every rule: shares a and b
# add up to at most 90.1%, the derived parts are never 0, sub-shares stay below 100.
SECTIONS = """
create table sections as
with numbered as (
    select
        document_number,
        section,
        printf('synthetic_%06d', document_number) as document_id,
        printf('synthetic_%06d_%d', document_number, section) as section_id,
        document_number * getvariable('sections') + section as section_number,
        section < getvariable('linked_sections') as linked,
        document_number % 100 = 3 and section = 0 as share_claim_broken,
        document_number % 100 = 7 and section = 0 as part_claim_broken
    from range(1, getvariable('documents') + 1) as documents (document_number)
    cross join range(getvariable('sections')) as sections (section)
),

drawn as (
    select
        *,
        draw(section_number, 0, 100, 9999) as consumption,
        draw(section_number, 1, 100, 600) as channel_a_share,
        draw(section_number, 2, 10, 300) as channel_b_share,
        draw(section_number, 3, 100, 9999) as jobs,
        draw(section_number, 4, 10, 90) as service_jobs_pct,
        draw(section_number, 5, 20, 95) as platform_share,
        draw(section_number, 6, 10, 95) as input_share,
        draw(section_number, 7, 5, 40) as growth_low,
        draw(section_number, 8, 1, 10) as growth_spread,
        draw(section_number, 9, 100, 999) as activities
    from numbered
)

select
    *,
    -- share a of the total, rounded half up to the printed tenth; doubled where the claim
    -- is to fail (the recomputed share then cannot reach the printed one).
    (consumption * channel_a_share + 500) // 1000
        * case when share_claim_broken then 2 else 1 end as channel_a_consumption,
    -- a part of the jobs; twice the jobs where the part-of-whole claim is to fail.
    case
        when part_claim_broken then 2 * jobs
        else (jobs * service_jobs_pct + 50) // 100
    end as service_jobs,
    growth_low + growth_spread as growth_high
from drawn
"""

# How each figure of a section is printed. A mention's interval follows its printed precision:
# exact is half a unit of the last digit either side, about a whole unit, more_than has no
# upper end, up_to no lower end (and the exact upper end, as the article's "up to" has), a
# range is its two printed ends. unit_value is what one unit of the last digit is worth.
PRINTINGS = """
create table printings as
select * from (values
    (0, 'consumption', 1, 'consumption_driven', 'Consumption driven', 'CNY',
        'exact', ' billion yuan', 1, 100000000.0, 'In 2014 section {s} drove consumption of ', '.'),
    (0, 'consumption', 2, 'consumption_driven', 'Consumption driven', 'CNY',
        'exact', ' billion yuan', 1, 100000000.0, 'To repeat, section {s} drove ', ' in all.'),
    (1, 'channel_a_share', 1, 'channel_a_share', 'Share of the consumption from channel A',
        'percent', 'exact', '%', 1, 0.1, 'Channel A made up ', ' of it.'),
    (2, 'channel_b_share', 1, 'channel_b_share', 'Share of the consumption from channel B',
        'percent', 'about', '%', 1, 0.1, 'Channel B followed with ', '.'),
    (3, 'channel_a_consumption', 1, 'channel_a_consumption', 'Consumption through channel A',
        'CNY', 'exact', ' billion yuan', 1, 100000000.0,
        'Channel A consumption in section {s} reached ', '.'),
    (4, 'jobs', 1, 'jobs_driven', 'Jobs driven', 'persons',
        'exact', ' million people', 1, 100000.0, 'Section {s} drove jobs for ', '.'),
    (4, 'jobs', 2, 'jobs_driven', 'Jobs driven', 'persons',
        'up_to', ' million people', 1, 100000.0, 'The jobs of section {s} reach ', '.'),
    (5, 'service_jobs', 1, 'service_jobs_driven', 'Of those jobs, jobs in services', 'persons',
        'exact', ' million people', 1, 100000.0, 'Of these jobs ', ' are in services.'),
    (6, 'platform_share', 1, 'organisations_on_platform_share',
        'Share of organisations on the platform', 'percent',
        'exact', '%', 0, 1.0, 'In section {s}, ', ' of organisations use the platform,'),
    (7, 'input_share', 1, 'organisations_input_share',
        'Of those, share basing their information input on it', 'percent',
        'exact', '%', 0, 1.0, 'and of them ', ' base their information input on it.'),
    (8, 'traffic_growth', 1, 'operator_traffic_growth_driven', 'Operator traffic growth pulled',
        'percent', 'range', '%', 0, 1.0, 'Section {s} pulled operator traffic growth by ', '.'),
    (9, 'activities', 1, 'entrepreneurial_activities_driven', 'Entrepreneurial activities driven',
        'count', 'more_than', ' thousand', 0, 1000.0, 'Section {s} drives ', ' activities.')
) as printings (
    slot, figure, mention_number, metric, label, unit, qualifier, unit_words, decimals,
    unit_value, sentence_before, sentence_after
)
"""

# A view: only `placed` below is materialised, with only the columns the seeds need.
MENTIONS = """
create view mentions as
with digits as (
    select
        sections.document_number,
        sections.document_id,
        sections.section,
        sections.section_number,
        printings.*,
        case printings.slot
            when 0 then sections.consumption
            when 1 then sections.channel_a_share
            when 2 then sections.channel_b_share
            when 3 then sections.channel_a_consumption
            when 4 then sections.jobs
            when 5 then sections.service_jobs
            when 6 then sections.platform_share
            when 7 then sections.input_share
            when 8 then sections.growth_low
            when 9 then sections.activities
        end as printed_digits,
        case printings.slot when 8 then sections.growth_high end as printed_high_digits,
        sections.section_id || '_' || printings.figure as figure_id
    from sections
    cross join printings
),

quantities as (
    select
        *,
        printed_digits * unit_value as amount,
        case qualifier when 'about' then unit_value else unit_value / 2 end as spread,
        case qualifier
            when 'about' then 'about '
            when 'more_than' then 'more than '
            when 'up_to' then 'up to '
            else ''
        end
        || digits_text(printed_digits, decimals)
        || case
            when qualifier = 'range'
                then unit_words || '-' || digits_text(printed_high_digits, decimals)
            else ''
        end
        || unit_words as printed_text,
        replace(sentence_before, '{s}', cast(section as varchar)) as before_text
    from digits
)

select
    document_number,
    document_id,
    section,
    slot,
    mention_number,
    figure_id,
    figure_id || '__' || mention_number as mention_id,
    metric,
    label,
    unit,
    qualifier,
    printed_text,
    case when qualifier <> 'range' then plain(amount) end as value,
    case qualifier
        when 'exact' then plain(amount - spread)
        when 'about' then plain(amount - spread)
        when 'more_than' then plain(amount)
        when 'range' then plain(amount)
    end as value_low,
    case qualifier
        when 'exact' then plain(amount + spread)
        when 'about' then plain(amount + spread)
        when 'up_to' then plain(amount + spread)
        when 'range' then plain(printed_high_digits * unit_value)
    end as value_high,
    length(before_text) as printed_offset,
    before_text || printed_text || sentence_after as sentence,
    section_number * getvariable('figures_per_section') + slot as figure_position,
    -- a document prints every figure once, section by section, then repeats some
    (mention_number * getvariable('sections') + section)
    * getvariable('figures_per_section') + slot as text_position
from quantities
"""

# Each document is its sentences joined by spaces; offsets are in code points (all ASCII).
PLACED = """
create table placed as
with sentences as (
    select
        *,
        coalesce(
            sum(length(sentence) + 1) over (
                partition by document_id order by text_position
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as sentence_start
    from mentions
)

select
    * exclude (printed_offset),
    sentence_start + printed_offset as char_start,
    sentence_start + printed_offset + length(printed_text) as char_end,
    sentence_start + length(sentence) as sentence_end
from sentences
"""

TEXTS = """
create table texts as
select
    document_number,
    document_id,
    string_agg(sentence, ' ' order by text_position) as text
from placed
group by document_number, document_id
"""

# The claims and derivations of one section: (name, kind, words) and their figures by role.
CLAIMS = """
create table claim_shapes as
select * from (values
    ('consumption_repeated', 'repeated_mention',
        'The consumption of section {s} is printed twice, the same both times.'),
    ('jobs_repeated', 'repeated_mention',
        'The jobs of section {s} are printed twice: exactly and as an upper bound.'),
    ('channel_a_share_of_consumption', 'share_of_total',
        'Channel A''s printed share of the consumption of section {s} matches its printed '
        || 'amount.'),
    ('channel_shares_within_consumption', 'parts_of_whole',
        'Channels A and B are shares of the same consumption of section {s}.'),
    ('service_jobs_within_jobs', 'part_of_whole',
        'The service jobs of section {s} are part of its jobs.'),
    ('input_share_of_which', 'of_which',
        'Of the organisations on the platform in section {s}, a printed share base their '
        || 'information input on it.'),
    ('traffic_growth_range', 'range',
        'Section {s} pulled operator traffic growth by a printed range.'),
    ('activities_lower_bound', 'lower_bound',
        'Section {s} drives more than a printed number of activities.')
) as claim_shapes (claim, claim_type, statement);

create table claim_roles as
select * from (values
    ('consumption_repeated', 'consumption', 'figure'),
    ('jobs_repeated', 'jobs', 'figure'),
    ('channel_a_share_of_consumption', 'channel_a_share', 'share'),
    ('channel_a_share_of_consumption', 'channel_a_consumption', 'part'),
    ('channel_a_share_of_consumption', 'consumption', 'total'),
    ('channel_shares_within_consumption', 'channel_a_share', 'share'),
    ('channel_shares_within_consumption', 'channel_b_share', 'share'),
    ('service_jobs_within_jobs', 'service_jobs', 'part'),
    ('service_jobs_within_jobs', 'jobs', 'whole'),
    ('input_share_of_which', 'platform_share', 'share'),
    ('input_share_of_which', 'input_share', 'sub_share'),
    ('traffic_growth_range', 'traffic_growth', 'range'),
    ('activities_lower_bound', 'activities', 'bound')
) as claim_roles (claim, figure, role);

create table derivation_shapes as
select * from (values
    ('channel_a_amount', 'amount_of_share', 'CNY',
        'Consumption implied by channel A''s share of the total'),
    ('channel_b_amount', 'amount_of_share', 'CNY',
        'Consumption implied by channel B''s share of the total'),
    ('unexplained_share', 'remainder_share', 'percent',
        'Share of the consumption the channels do not explain'),
    ('unexplained_amount', 'remainder_amount', 'CNY',
        'Consumption the channels do not explain'),
    ('service_jobs_share', 'share_of', 'percent', 'Service jobs as a share of the jobs'),
    ('implied_consumption', 'total_from_share', 'CNY',
        'Consumption implied by channel A''s printed amount and share'),
    ('input_share_of_all', 'share_of_share', 'percent',
        'Share of all organisations basing their information input on the platform')
) as derivation_shapes (derivation, operation, unit, label);

create table derivation_roles as
select * from (values
    ('channel_a_amount', 'consumption', 'total'),
    ('channel_a_amount', 'channel_a_share', 'share'),
    ('channel_b_amount', 'consumption', 'total'),
    ('channel_b_amount', 'channel_b_share', 'share'),
    ('unexplained_share', 'channel_a_share', 'share'),
    ('unexplained_share', 'channel_b_share', 'share'),
    ('unexplained_amount', 'consumption', 'total'),
    ('unexplained_amount', 'channel_a_share', 'share'),
    ('unexplained_amount', 'channel_b_share', 'share'),
    ('service_jobs_share', 'service_jobs', 'part'),
    ('service_jobs_share', 'jobs', 'total'),
    ('implied_consumption', 'channel_a_consumption', 'part'),
    ('implied_consumption', 'channel_a_share', 'share'),
    ('input_share_of_all', 'platform_share', 'share'),
    ('input_share_of_all', 'input_share', 'sub_share')
) as derivation_roles (derivation, figure, role);

create table component_shapes as
select * from (values
    ('channel_a', 'Channel A', 1, 'channel_a_share', 'channel_a_amount'),
    ('channel_b', 'Channel B', 2, 'channel_b_share', 'channel_b_amount'),
    ('not_broken_down', 'Not broken down by the document', 3, 'unexplained_share',
        'unexplained_amount')
) as component_shapes (component, component_name, sort_order, share, amount);
"""

# The synthetic rows of each seed, in its header's column order, with a `position` that
# orders them after the article's. The reference seeds (claim types, operations) have none.
SYNTHETIC_ROWS = {
    "corpus_documents": """
        select
            document_id,
            getvariable('sources') || '/document_id=' || document_id || '/' || getvariable('file')
                as path,
            sha256(text || chr(10)) as sha256,
            cast(length(text) + 1 as varchar) as char_count,
            'Synthetic document ' || document_number as title,
            'wechat_impact.tools.synthetic' as author,
            'nobody (generated for the scale run)' as publisher,
            'Synthetic impact report ' || document_number as report_title,
            'wechat_impact.tools.synthetic' as report_publisher,
            '2014-12' as report_date,
            'en (synthetic)' as language,
            document_number as position
        from texts
    """,
    "corpus_figures": """
        select
            figure_id,
            document_id,
            metric,
            'Section ' || section || ': ' || label as label,
            '2014' as period,
            unit,
            figure_position as position
        from placed
        where mention_number = 1
    """,
    "corpus_figure_mentions": """
        select
            mention_id,
            figure_id,
            cast(mention_number as varchar) as mention_number,
            printed_text,
            qualifier,
            value,
            value_low,
            value_high,
            cast(char_start as varchar) as char_start,
            cast(char_end as varchar) as char_end,
            cast(sentence_start as varchar) as sentence_start,
            cast(sentence_end as varchar) as sentence_end,
            sentence as quote,
            -- a synthetic document is one paragraph, one sentence per mention
            '1' as paragraph_number,
            cast(
                row_number() over (
                    partition by document_id order by text_position
                ) as varchar
            ) as sentence_number,
            figure_position * 2 + mention_number as position
        from placed
    """,
    "corpus_claims": """
        select
            sections.section_id || '_' || claim_shapes.claim as claim_id,
            sections.document_id,
            claim_shapes.claim_type,
            replace(claim_shapes.statement, '{s}', cast(sections.section as varchar))
                as statement,
            sections.section_number * 100 + claim_shapes.rowid as position
        from sections
        cross join claim_shapes
        where sections.linked
    """,
    "corpus_claim_figures": """
        select
            sections.section_id || '_' || claim_roles.claim as claim_id,
            sections.section_id || '_' || claim_roles.figure as figure_id,
            claim_roles.role,
            sections.section_number * 100 + claim_roles.rowid as position
        from sections
        cross join claim_roles
        where sections.linked
    """,
    "corpus_derivations": """
        select
            sections.section_id || '_' || derivation_shapes.derivation as derived_id,
            sections.document_id,
            derivation_shapes.operation,
            derivation_shapes.unit,
            'Section ' || sections.section || ': ' || derivation_shapes.label as label,
            sections.section_number * 100 + derivation_shapes.rowid as position
        from sections
        cross join derivation_shapes
        where sections.linked
    """,
    "corpus_derivation_inputs": """
        select
            sections.section_id || '_' || derivation_roles.derivation as derived_id,
            sections.section_id || '_' || derivation_roles.figure as figure_id,
            derivation_roles.role,
            sections.section_number * 100 + derivation_roles.rowid as position
        from sections
        cross join derivation_roles
        where sections.linked
    """,
    "corpus_breakdown_components": """
        select
            sections.section_id || '_consumption' as total_id,
            sections.section_id || '_' || component_shapes.component as component_id,
            component_shapes.component_name as component,
            cast(component_shapes.sort_order as varchar) as sort_order,
            sections.section_id || '_' || component_shapes.share as share_id,
            sections.section_id || '_' || component_shapes.amount as amount_id,
            sections.section_number * 100 + component_shapes.sort_order as position
        from sections
        cross join component_shapes
        where sections.linked
    """,
    "corpus_known_discrepancies": """
        select
            section_id || '_channel_a_share_of_consumption' as claim_id,
            'Made inconsistent on purpose: the printed channel A consumption is twice what '
            || 'its printed share of the printed total allows.' as reason,
            section_number * 2 as position
        from sections
        where share_claim_broken
        union all
        select
            section_id || '_service_jobs_within_jobs' as claim_id,
            'Made inconsistent on purpose: the printed service jobs are twice the printed '
            || 'jobs they are part of.' as reason,
            section_number * 2 + 1 as position
        from sections
        where part_claim_broken
    """,
}


def generate(
    documents: int, out: Path, linked_sections: int = LINKED_SECTIONS, source: Path = ROOT
) -> None:
    """Write the article's seeds and sources from `source` plus `documents` synthetic
    documents into out/seeds and out/sources. `out` may be `source` itself."""
    if documents < 1:
        raise ValueError("documents must be at least 1")
    if not 1 <= linked_sections <= SECTIONS_PER_DOCUMENT:
        raise ValueError(f"linked_sections must be 1 to {SECTIONS_PER_DOCUMENT}")
    specs = inputs.load_specs(source)
    # DuckDB would take most of the machine's memory for the sorts and the window; capped, it
    # spills to disk and the generator stays well under the scale run's peak. Its progress bar
    # would go to stdout, where the scale run prints its summary.
    with (
        tempfile.TemporaryDirectory(prefix="wechat-impact-synthetic-") as spill,
        duckdb.connect(
            config={"memory_limit": GENERATOR_MEMORY_LIMIT, "temp_directory": spill}
        ) as connection,
    ):
        connection.execute("set enable_progress_bar = false")
        _generate(connection, specs, documents, out, linked_sections, source)


def _generate(
    connection: duckdb.DuckDBPyConnection,
    specs: list[inputs.SeedSpec],
    documents: int,
    out: Path,
    linked_sections: int,
    source: Path,
) -> None:
    """Read the article's rows, build the corpus, write it. The article's rows are read before
    anything is written because out may be source; row_number() keeps their file order."""
    for spec in specs:
        connection.execute(
            f"""
            create table article_{spec.name} as
            select *, row_number() over () as position
            from read_csv(?, header = true, all_varchar = true, delim = ',', quote = '"',
                escape = '"')
            """,
            [str(source / spec.file)],
        )
    _build_corpus(connection, documents, linked_sections)
    (out / inputs.SEEDS_DIR).mkdir(parents=True, exist_ok=True)
    if out.resolve() != source.resolve():
        shutil.copy2(source / inputs.SEED_SPECS, out / inputs.SEED_SPECS)
        shutil.copytree(source / "sources", out / "sources", dirs_exist_ok=True)
    for spec in specs:
        _write_seed(connection, spec, out / spec.file)
    _write_documents(connection, out / SYNTHETIC_SOURCES)


def _build_corpus(
    connection: duckdb.DuckDBPyConnection, documents: int, linked_sections: int
) -> None:
    """Create the corpus tables. The sizes go in as DuckDB variables, so the SQL above stays
    plain text (its braces and quotes need no escaping)."""
    settings = {
        "documents": documents,
        "sections": SECTIONS_PER_DOCUMENT,
        "linked_sections": linked_sections,
        "figures_per_section": FIGURES_PER_SECTION,
        "sources": SYNTHETIC_SOURCES,
        "file": DOCUMENT_FILE.format(i=0),
    }
    for name, value in settings.items():
        connection.execute(f"set variable {name} = ?", [value])
    for script in (MACROS, SECTIONS, PRINTINGS, MENTIONS, PLACED, TEXTS, CLAIMS):
        connection.execute(script)


def _write_seed(connection: duckdb.DuckDBPyConnection, spec: inputs.SeedSpec, path: Path) -> None:
    """The article's rows as they were, then the synthetic ones, in the header's order."""
    columns = ", ".join(spec.column_names)
    rows = f"select {columns}, 0 as corpus, position from article_{spec.name}"
    if spec.name in SYNTHETIC_ROWS:
        rows += (
            f" union all select {columns}, 1 as corpus, position from ({SYNTHETIC_ROWS[spec.name]})"
        )
    connection.execute(
        f"copy (select {columns} from ({rows}) order by corpus, position) "
        "to ? (format csv, header true)",
        [str(path)],
    )


def _write_documents(connection: duckdb.DuckDBPyConnection, directory: Path) -> None:
    """One text file per synthetic document, in one partitioned COPY."""
    directory.parent.mkdir(parents=True, exist_ok=True)
    connection.execute(
        "copy (select document_id, text from texts order by document_number) to ? "
        "(format csv, header false, delimiter '\t', partition_by (document_id), "
        f"filename_pattern '{Path(DOCUMENT_FILE).stem}', file_extension 'txt', "
        "overwrite true)",
        [str(directory)],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, required=True, help="synthetic documents")
    parser.add_argument(
        "--out", type=Path, required=True, help="root to write seeds/ and sources/ under"
    )
    add_linked_sections_argument(parser)
    arguments = parser.parse_args(argv)
    try:
        generate(arguments.documents, arguments.out, arguments.linked_sections)
    except ValueError as error:
        parser.error(str(error))
    return 0


def add_linked_sections_argument(parser: argparse.ArgumentParser) -> None:
    """--linked-sections, shared with the scale run."""
    parser.add_argument(
        "--linked-sections",
        type=int,
        default=LINKED_SECTIONS,
        help=f"sections per document whose figures claims and derivations relate "
        f"(1 to {SECTIONS_PER_DOCUMENT}, default {LINKED_SECTIONS}; "
        f"{SECTIONS_PER_DOCUMENT} is the article's density)",
    )


if __name__ == "__main__":
    sys.exit(main())
