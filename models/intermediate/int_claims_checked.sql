-- One row per claim, within one document or across documents: what it
-- publishes, what its other figures allow, whether the two intervals can
-- meet, and how far apart they are when they cannot. The claim type's
-- published_role names the figures that are the published side (summed when
-- there are several, as the shares of one whole are); the recomputed side is
-- the one rule per claim type below, as (value, low, high).
{%- set whole_percent = ('null', '0', '100') %}
{%- set recomputed_sides = {
    'repeated_mention': ('null', 'agreed_low', 'agreed_high'),
    'share_of_total': quotient_interval('part', 'total', 100),
    'parts_of_whole': whole_percent,
    'of_which': whole_percent,
    'part_of_whole': ('null', '0', 'whole_high'),
    'growth_on_year_before': shifted_interval(
        quotient_interval('later', 'earlier', 100), -100
    ),
    'multiple_of_base': quotient_interval('later', 'base'),
    'average_growth_since_base': average_growth_interval(
        'later', 'base', 'later_year - base_year'
    ),
    'parts_sum_to_total': ('part_value', 'part_low', 'part_high'),
    'same_figure': ('other_value', 'other_low', 'other_high'),
} %}
with

claims as (
    select * from {{ ref('stg_corpus__claims') }}
),

claim_types as (
    select * from {{ ref('stg_corpus__claim_types') }}
),

claim_figures as (
    select * from {{ ref('stg_corpus__claim_figures') }}
),

quantities as (
    select * from {{ ref('int_check_quantities_unioned') }}
),

mentions_agreed as (
    select * from {{ ref('int_mentions_agreed') }}
),

-- The published role's figures become the role 'published'. No claim type
-- recomputes from the figures it publishes, so the other roles are intact.
inputs_by_side as (
    select
        claim_figures.claim_id,
        claim_figures.figure_id,
        quantities.document_id,
        quantities.data_year,
        quantities.value,
        quantities.value_low,
        quantities.value_high,
        quantities.unit,
        claim_figures.figure_id
        || ' (' || quantities.printed_text || ')' as input_text,
        case
            when claim_figures.role = claim_types.published_role
                then 'published'
            else claim_figures.role
        end as role
    from claim_figures
    inner join claims
        on claim_figures.claim_id = claims.claim_id
    inner join claim_types
        on claims.claim_type = claim_types.claim_type
    inner join quantities
        on claim_figures.figure_id = quantities.quantity_id
),

sides_pivoted as (
    select
        claim_id,
        count(distinct document_id) as document_count,
        max(case when role = 'published' then unit end) as unit,
        max(case when role = 'later' then data_year end) as later_year,
        max(case when role = 'base' then data_year end) as base_year,
        {{ role_columns([
            'published', 'part', 'total', 'whole', 'later', 'earlier',
            'base', 'other'
        ]) }}
    from inputs_by_side
    group by claim_id
),

repeated_figures as (
    select
        claim_figures.claim_id,
        mentions_agreed.agreed_low,
        mentions_agreed.agreed_high
    from claim_figures
    inner join mentions_agreed
        on claim_figures.figure_id = mentions_agreed.figure_id
    where claim_figures.role = 'figure'
),

joined as (
    select
        claims.document_id,
        claims.claim_type,
        claims.statement,
        claim_types.recomputed_side,
        repeated_figures.agreed_low,
        repeated_figures.agreed_high,
        -- claim_id comes with the inputs: a select may name it only once on
        -- Spark.
        inputs.*
    from claims
    inner join claim_types
        on claims.claim_type = claim_types.claim_type
    inner join sides_pivoted as inputs
        on claims.claim_id = inputs.claim_id
    left join repeated_figures
        on claims.claim_id = repeated_figures.claim_id
),

sides as (
    select
        *,
        {{ case_by_claim_type(recomputed_sides, 0) }} as recomputed_value,
        {{ case_by_claim_type(recomputed_sides, 1) }} as recomputed_low,
        {{ case_by_claim_type(recomputed_sides, 2) }} as recomputed_high
    from joined
),

-- One status rule. An empty interval (mentions that disagree) is
-- inconsistent; a missing end is unbounded and meets everything on its side.
statuses as (
    select
        *,
        case
            when recomputed_low is null and recomputed_high is null
                then 'unverifiable'
            when
                coalesce(recomputed_low > recomputed_high, false)
                or coalesce(published_low > published_high, false)
                or coalesce(published_low > recomputed_high, false)
                or coalesce(recomputed_low > published_high, false)
                then 'inconsistent'
            else 'consistent'
        end as status
    from sides
),

-- How far apart: between the recomputed interval's ends when it is empty
-- (the disagreeing mentions), else between the two intervals.
gaps as (
    select
        *,
        case
            when status <> 'inconsistent' then null
            when coalesce(recomputed_low > recomputed_high, false)
                then recomputed_low - recomputed_high
            else greatest(
                coalesce(published_low - recomputed_high, 0),
                coalesce(recomputed_low - published_high, 0)
            )
        end as gap
    from statuses
),

final as (
    select
        claim_id,
        document_id,
        claim_type,
        statement,
        recomputed_side,
        document_count,
        unit,
        {{ to_quantity('published_value') }} as published_value,
        {{ to_quantity('published_low') }} as published_low,
        {{ to_quantity('published_high') }} as published_high,
        {{ to_quantity('recomputed_value') }} as recomputed_value,
        {{ to_quantity('recomputed_low') }} as recomputed_low,
        {{ to_quantity('recomputed_high') }} as recomputed_high,
        status,
        {{ to_quantity('gap') }} as gap,
        {{ percent_of('gap', 'published_value') }} as gap_pct_of_published,
        case status
            when 'unverifiable'
                then 'The article prints nothing to check this against.'
            when 'inconsistent'
                then
                    'Published '
                    || {{ display_interval(
                        'published_low', 'published_high', 'unit'
                    ) }}
                    || ' and recomputed '
                    || {{ display_interval(
                        'recomputed_low', 'recomputed_high', 'unit'
                    ) }}
                    || ' cannot both hold; recomputed as '
                    || recomputed_side || '.'
            else
                'Published '
                || {{ display_interval(
                        'published_low', 'published_high', 'unit'
                    ) }}
                || ' and recomputed '
                || {{ display_interval(
                        'recomputed_low', 'recomputed_high', 'unit'
                    ) }}
                || ' overlap; recomputed as ' || recomputed_side || '.'
        end as explanation
    from gaps
)

select * from final
