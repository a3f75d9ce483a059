"""What the seed rows mean: roles and units, checked before dbt.

Every operation (seeds/corpus_operations.csv) and claim type
(seeds/corpus_claim_types.csv) declares, in `role_units`, the unit each of its
roles takes: a unit (CNY, persons, percent, count) or `same`, meaning any unit
as long as every `same` role of one derivation or claim has it. An operation
also declares the unit it yields (`result_unit`: a unit, or `same` for the unit
of its `same` roles). From these rows alone, with no rule written per figure,
this module refuses a derivation or claim that leaves a role unfilled, fills a
role its operation or type does not have, puts a figure of the wrong unit in a
role, or declares a unit its operation does not yield; a claim stated by no
document the seeds know; a claim figure that
is neither printed (by the article or a cited document) nor derived; a claim
whose figures in the roles its type lists as `same_measure` (a growth's later
and earlier figure) measure different things; and a breakdown whose share is
not a percentage or whose amount is not in the unit of its total.

`problems` expects the seeds loaded as text tables with `file_row`, as the input
check (inputs.py) loads them, every column already checked for form.
"""

from __future__ import annotations

from collections.abc import Iterator

import duckdb

SAME = "same"

# What is checked: its seed, id column and type column, the seed of its inputs, and what its
# types are called (a kind in the role_units table).
_KINDS = {
    "derivation": (
        "corpus_derivations",
        "derived_id",
        "operation",
        "corpus_derivation_inputs",
        "operation",
    ),
    "claim": ("corpus_claims", "claim_id", "claim_type", "corpus_claim_figures", "claim type"),
}


def problems(connection: duckdb.DuckDBPyConnection, units: tuple[str, ...]) -> Iterator[str]:
    """One message per broken rule, in the order a fix should take them. units: the base units
    a figure can have (seeds/_seeds.yml, corpus_figures.unit)."""
    connection.execute(_ROLE_UNITS)
    connection.execute(_QUANTITIES)
    for query in _declaration_checks(units):
        yield from _first(connection, query)
    yield from _first(connection, _UNKNOWN_CLAIM_DOCUMENTS)
    yield from _first(connection, _UNKNOWN_CLAIM_FIGURES)
    for kind in _KINDS:
        connection.execute(_needs_and_uses(kind))
        for query in _use_checks(kind):
            yield from _first(connection, query)
    yield from _first(connection, _MEASURES_DIFFER)
    for query in _BREAKDOWN_CHECKS:
        yield from _first(connection, query)


def _first(connection: duckdb.DuckDBPyConnection, query: str) -> Iterator[str]:
    """'file, row R, column C: message' for the first row the query finds, if any."""
    row = connection.execute(
        f"select * from ({query}) as found (file, file_row, field, message) "
        "order by file, file_row limit 1"
    ).fetchone()
    if row is not None:
        file, file_row, column, message = row
        yield f"{file}, row {file_row}, column {column}: {message}"


# Every quantity a claim or derivation can use, with its unit and the measure it is of (none
# for a derived figure): the one place that says where figures are.
_QUANTITIES = """
create or replace temp view quantities as
select figure_id as quantity_id, unit, measure_id from corpus_figures
union all
select derived_id, unit, null from corpus_derivations
"""

# A claim's figure is printed by any document, or derived: two seeds, so no single
# `references` in _seeds.yml.
_UNKNOWN_CLAIM_FIGURES = """
select 'seeds/corpus_claim_figures.csv', file_row, 'figure_id',
    '''' || figure_id || ''' names no figure_id in seeds/corpus_figures.csv and no '
    || 'derived_id in seeds/corpus_derivations.csv'
from corpus_claim_figures
where figure_id not in (select quantity_id from quantities)
"""

# A claim is stated by a stored document or a cited one: two seeds, so no single `references`.
_UNKNOWN_CLAIM_DOCUMENTS = """
select 'seeds/corpus_claims.csv', file_row, 'document_id',
    '''' || document_id || ''' names no document_id in seeds/corpus_documents.csv or '
    || 'seeds/corpus_document_sources.csv'
from corpus_claims
where document_id not in (
    select document_id from corpus_documents
    union all select document_id from corpus_document_sources
)
"""

# The figures in a claim's same_measure roles measure one thing: each is held to the first.
_MEASURES_DIFFER = """
with measured as (
    select
        figures.file_row, figures.figure_id, quantities.measure_id,
        first_value(figures.figure_id) over claim as first_figure,
        first_value(quantities.measure_id) over claim as first_measure
    from corpus_claim_figures as figures
    inner join corpus_claims as claims on figures.claim_id = claims.claim_id
    inner join corpus_claim_types as types on claims.claim_type = types.claim_type
    inner join quantities on figures.figure_id = quantities.quantity_id
    where list_contains(string_split(coalesce(types.same_measure, ''), ' '), figures.role)
        and quantities.measure_id is not null
    window claim as (partition by figures.claim_id order by figures.file_row)
)
select 'seeds/corpus_claim_figures.csv', file_row, 'figure_id',
    figure_id || ' measures ' || measure_id || ', but ' || first_figure
    || ' in the same claim measures ' || first_measure || '; the claim compares one measure'
from measured
where measure_id <> first_measure
"""


# One row per role an operation or claim type declares, with the unit it takes.
_ROLE_UNITS = """
create or replace temp table role_units as
with declared as (
    select
        'operation' as kind, 'seeds/corpus_operations.csv' as file, file_row,
        operation as name, string_split(role_units, ' ') as entries, result_unit,
        string_split(roles, ' ') as roles, [] as optional
    from corpus_operations
    union all
    select
        'claim type', 'seeds/corpus_claim_types.csv', file_row, claim_type,
        string_split(role_units, ' '), null, [], string_split(coalesce(optional_roles, ''), ' ')
    from corpus_claim_types
)
select
    kind, file, file_row, name, result_unit, roles, optional,
    unnest(entries) as entry,
    generate_subscripts(entries, 1) as position,
    split_part(unnest(entries), ':', 1) as role,
    split_part(unnest(entries), ':', 2) as unit,
    not list_contains(optional, split_part(unnest(entries), ':', 1)) as required
from declared
"""


def _declaration_checks(units: tuple[str, ...]) -> Iterator[str]:
    """role_units, roles, result_unit, published_role and optional_roles agree."""
    allowed = ", ".join(f"'{unit}'" for unit in (*units, SAME))
    shown = f"{', '.join(units)} or {SAME}"
    yield f"""
        select file, file_row, 'role_units',
            '''' || entry || ''' is not role:unit, the unit one of '
            || '{shown}'
        from role_units
        where not regexp_full_match(entry, '[a-z_]+:[A-Za-z]+')
            or unit not in ({allowed})
    """
    yield """
        select file, file_row, 'role_units', 'role ' || role || ' is listed twice'
        from (
            select *, count(*) over (partition by kind, name, role) as times
            from role_units
        ) as counted
        where times > 1
    """
    yield """
        select 'seeds/corpus_operations.csv', operations.file_row, 'roles',
            'role ' || role || ' has no unit in role_units'
        from (
            select file_row, operation, unnest(string_split(roles, ' ')) as role
            from corpus_operations
        ) as operations
        where role not in (
            select role from role_units
            where kind = 'operation' and name = operations.operation
        )
    """
    yield """
        select file, file_row, 'role_units',
            'role ' || role || ' is not in roles (' || array_to_string(roles, ' ') || ')'
        from role_units
        where kind = 'operation' and not list_contains(roles, role)
    """
    yield f"""
        select 'seeds/corpus_operations.csv', file_row, 'result_unit',
            '''' || coalesce(result_unit, '') || ''' is not one of '
            || '{shown} (the unit of its {SAME} roles)'
        from corpus_operations
        where result_unit is null or result_unit not in ({allowed})
            or (result_unit = '{SAME}' and operation not in (
                select name from role_units where kind = 'operation' and unit = '{SAME}'
            ))
    """
    yield """
        select 'seeds/corpus_claim_types.csv', file_row, 'published_role',
            '''' || published_role || ''' is not one of its role_units ('
            || role_units || ')'
        from corpus_claim_types
        where published_role not in (
            select role from role_units
            where kind = 'claim type' and name = corpus_claim_types.claim_type
        )
    """
    yield """
        select 'seeds/corpus_claim_types.csv', types.file_row, 'optional_roles',
            'role ' || role || ' is not one of its role_units (' || role_units || ')'
        from (
            select file_row, claim_type, role_units,
                unnest(string_split(optional_roles, ' ')) as role
            from corpus_claim_types
        ) as types
        where role not in (
            select role from role_units
            where kind = 'claim type' and name = types.claim_type
        )
    """


def _needs_and_uses(kind: str) -> str:
    """Tables needs (each role a derivation or claim must fill) and uses (each of its
    inputs, with the unit of its figure and the unit its role takes)."""
    things, id_column, type_column, inputs, type_kind = _KINDS[kind]
    return f"""
        create or replace temp table needs as
        select
            things.file_row, things.{id_column} as id, things.{type_column} as type,
            role_units.role, role_units.unit, role_units.required, role_units.result_unit,
            type_roles.roles as type_roles
        from {things} as things
        inner join role_units
            on role_units.kind = '{type_kind}' and role_units.name = things.{type_column}
        inner join (
            select name, string_agg(role, ' ' order by position) as roles
            from role_units
            where kind = '{type_kind}'
            group by name
        ) as type_roles on things.{type_column} = type_roles.name;

        create or replace temp table uses as
        select
            inputs.file_row, inputs.{id_column} as id, things.{type_column} as type,
            inputs.figure_id, inputs.role, figures.unit as figure_unit,
            needs.unit as role_unit, needs.type_roles
        from {inputs} as inputs
        inner join {things} as things on inputs.{id_column} = things.{id_column}
        inner join (select quantity_id as figure_id, unit from quantities) as figures
            on inputs.figure_id = figures.figure_id
        left join needs on inputs.{id_column} = needs.id and inputs.role = needs.role;
    """


def _use_checks(kind: str) -> Iterator[str]:
    things, id_column, _, inputs, type_kind = _KINDS[kind]
    things_file, inputs_file = f"seeds/{things}.csv", f"seeds/{inputs}.csv"
    yield f"""
        select '{inputs_file}', file_row, 'role',
            '''' || role || ''' is not a role of {type_kind} ' || type || ', which takes '
            || coalesce(
                (select any_value(type_roles) from needs where needs.type = uses.type),
                'none'
            )
        from uses
        where role_unit is null
    """
    yield f"""
        select '{inputs_file}', file_row, 'figure_id',
            '''' || figure_id || ''' is in ' || figure_unit || ', but role ' || role
            || ' of {type_kind} ' || type || ' takes ' || role_unit
        from uses
        where role_unit <> '{SAME}' and figure_unit <> role_unit
    """
    yield f"""
        select '{inputs_file}', file_row, 'figure_id',
            '''' || figure_id || ''' is in ' || figure_unit || ', but '''
            || first_figure || ''' (row ' || first_row || ') is in ' || first_unit
            || '; the {SAME}-unit roles of {type_kind} ' || type || ' take one unit'
        from (
            select *,
                first_value(figure_unit) over same_roles as first_unit,
                first_value(figure_id) over same_roles as first_figure,
                first_value(file_row) over same_roles as first_row
            from uses
            where role_unit = '{SAME}'
            window same_roles as (partition by id order by file_row)
        ) as same_roles
        where figure_unit <> first_unit
    """
    yield f"""
        select '{things_file}', file_row, '{id_column}',
            '''' || id || ''' has no figure in role ' || role || ' in {inputs_file}; '
            || '{type_kind} ' || type || ' needs ' || (
                select string_agg(required_needs.role, ' and ' order by required_needs.role)
                from needs as required_needs
                where required_needs.id = needs.id and required_needs.required
            )
        from needs
        where required and not exists (
            select 1 from {inputs} as inputs
            where inputs.{id_column} = needs.id and inputs.role = needs.role
        )
    """
    if kind == "derivation":
        yield f"""
            select '{things_file}', things.file_row, 'unit',
                '''' || things.unit || ''', but operation ' || things.operation || ' yields '
                || case
                    when operations.result_unit = '{SAME}'
                        then first_same.figure_unit || ' (the unit of its ' || first_same.role
                            || ', ''' || first_same.figure_id || ''')'
                    else operations.result_unit
                end
            from {things} as things
            inner join (select distinct id, result_unit from needs) as operations
                on things.{id_column} = operations.id
            left join (
                select *, row_number() over (partition by id order by file_row) as number
                from uses
                where role_unit = '{SAME}'
            ) as first_same on things.{id_column} = first_same.id and first_same.number = 1
            where things.unit <> coalesce(
                case
                    when operations.result_unit = '{SAME}' then first_same.figure_unit
                    else operations.result_unit
                end,
                things.unit
            )
        """


_BREAKDOWN_CHECKS = (
    """
    select 'seeds/corpus_breakdown_components.csv', components.file_row, 'share_id',
        '''' || components.share_id || ''' is in ' || shares.unit
        || ', but a component''s share must be in percent'
    from corpus_breakdown_components as components
    inner join (
        select figure_id as id, unit from corpus_figures
        union all
        select derived_id, unit from corpus_derivations
    ) as shares on components.share_id = shares.id
    where shares.unit <> 'percent'
    """,
    """
    select 'seeds/corpus_breakdown_components.csv', components.file_row, 'amount_id',
        '''' || components.amount_id || ''' is in ' || amounts.unit || ', but its total '''
        || components.total_id || ''' is in ' || totals.unit
    from corpus_breakdown_components as components
    inner join corpus_derivations as amounts on components.amount_id = amounts.derived_id
    inner join corpus_figures as totals on components.total_id = totals.figure_id
    where amounts.unit <> totals.unit
    """,
)
