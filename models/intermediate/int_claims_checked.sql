-- One row per claim: what the article publishes, what its other figures
-- allow, and whether the two intervals can meet. The claim type's
-- published_role names the figures that are the published side (summed when
-- there are several, as the shares of one whole are); the recomputed side is
-- the one rule per claim type written below.
with

claims as (
    select * from {{ ref('stg_corpus__claims') }}
),

claim_types as (
    select * from {{ ref('stg_corpus__claim_types') }}
),

mentions_agreed as (
    select * from {{ ref('int_mentions_agreed') }}
),

-- A claim's inputs are the article's figures or a cited document's, as a
-- share of a national total the article does not print: every document's
-- figures are in one model.
printed_figures as (
    select
        figure_id,
        value,
        value_low,
        value_high,
        unit,
        printed_text
    from {{ ref('int_figures_summarised') }}
),

claim_inputs as (
    {{ figure_inputs(
        ref('stg_corpus__claim_figures'), 'claim_id', 'printed_figures'
    ) }}
),

-- The published role's figures become the role 'published'. No claim type
-- recomputes from the figures it publishes, so the other roles are intact.
inputs_by_side as (
    select
        claim_inputs.claim_id,
        claim_inputs.figure_id,
        claim_inputs.value,
        claim_inputs.value_low,
        claim_inputs.value_high,
        claim_inputs.input_text,
        claim_inputs.unit,
        case
            when claim_inputs.role = claim_types.published_role
                then 'published'
            else claim_inputs.role
        end as role
    from claim_inputs
    inner join claims
        on claim_inputs.claim_id = claims.claim_id
    inner join claim_types
        on claims.claim_type = claim_types.claim_type
),

sides_pivoted as (
    select
        claim_id,
        max(case when role = 'published' then unit end) as unit,
        {{ role_columns(['published', 'part', 'total', 'whole']) }}
    from inputs_by_side
    group by claim_id
),

repeated_figures as (
    select
        claim_inputs.claim_id,
        mentions_agreed.agreed_low,
        mentions_agreed.agreed_high
    from claim_inputs
    inner join mentions_agreed
        on claim_inputs.figure_id = mentions_agreed.figure_id
    where claim_inputs.role = 'figure'
),

sides as (
    select
        claims.claim_id,
        claims.document_id,
        claims.claim_type,
        claims.statement,
        inputs.unit,
        claim_types.recomputed_side,
        inputs.published_value,
        inputs.published_low,
        inputs.published_high,
        case
            when
                claims.claim_type = 'share_of_total'
                and inputs.total_count > 0
                then {{ percent_of(
                    'inputs.part_value', 'inputs.total_value'
                ) }}
        end as recomputed_value,
        case
            when claims.claim_type = 'repeated_mention'
                then repeated_figures.agreed_low
            when
                claims.claim_type = 'share_of_total'
                and inputs.total_count > 0
                then {{ percent_of_low(
                    'inputs.part_low', 'inputs.total_high'
                ) }}
            when
                claims.claim_type in (
                    'parts_of_whole', 'part_of_whole', 'of_which'
                )
                then 0
        end as recomputed_low,
        case
            when claims.claim_type = 'repeated_mention'
                then repeated_figures.agreed_high
            when
                claims.claim_type = 'share_of_total'
                and inputs.total_count > 0
                then {{ percent_of(
                    'inputs.part_high', 'inputs.total_low', 'up'
                ) }}
            when claims.claim_type in ('parts_of_whole', 'of_which')
                then 100
            when claims.claim_type = 'part_of_whole'
                then inputs.whole_high
        end as recomputed_high
    from claims
    inner join claim_types
        on claims.claim_type = claim_types.claim_type
    inner join sides_pivoted as inputs
        on claims.claim_id = inputs.claim_id
    left join repeated_figures
        on claims.claim_id = repeated_figures.claim_id
),

statuses as (
    select
        *,
        case
            when recomputed_low is null and recomputed_high is null
                then 'unverifiable'
            when
                recomputed_low > recomputed_high
                or published_low > published_high
                or published_high < recomputed_low
                or published_low > recomputed_high
                then 'inconsistent'
            else 'consistent'
        end as status
    from sides
),

final as (
    select
        claim_id,
        document_id,
        claim_type,
        statement,
        unit,
        {{ to_quantity('published_value') }} as published_value,
        {{ to_quantity('published_low') }} as published_low,
        {{ to_quantity('published_high') }} as published_high,
        {{ to_quantity('recomputed_value') }} as recomputed_value,
        {{ to_quantity('recomputed_low') }} as recomputed_low,
        {{ to_quantity('recomputed_high') }} as recomputed_high,
        status,
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
    from statuses
)

select * from final
