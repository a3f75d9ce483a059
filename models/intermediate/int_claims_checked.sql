-- One row per claim: what the article publishes, what its other figures
-- allow, and whether the two intervals can meet.
with

claims as (
    select * from {{ ref('stg_corpus__claims') }}
),

claim_types as (
    select * from {{ ref('stg_corpus__claim_types') }}
),

inputs as (
    select * from {{ ref('int_claim_inputs_pivoted') }}
),

claim_figures as (
    select * from {{ ref('stg_corpus__claim_figures') }}
),

mentions_agreed as (
    select * from {{ ref('int_mentions_agreed') }}
),

figures as (
    select * from {{ ref('stg_corpus__figures') }}
),

published_units as (
    select
        claim_figures.claim_id,
        max(figures.unit) as unit
    from claim_figures
    inner join claims
        on claim_figures.claim_id = claims.claim_id
    inner join claim_types
        on
            claims.claim_type = claim_types.claim_type
            and claim_figures.role = claim_types.published_role
    inner join figures
        on claim_figures.figure_id = figures.figure_id
    group by claim_figures.claim_id
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

sides as (
    select
        claims.claim_id,
        claims.document_id,
        claims.claim_type,
        claims.statement,
        published_units.unit,
        claim_types.recomputed_side,
        case claims.claim_type
            when 'repeated_mention' then inputs.figure_value
            when 'share_of_total' then inputs.share_value
            when 'parts_of_whole' then inputs.share_value
            when 'part_of_whole' then inputs.part_value
            when 'of_which' then inputs.sub_share_value
            when 'range' then inputs.range_value
            when 'lower_bound' then inputs.bound_value
        end as published_value,
        case claims.claim_type
            when 'repeated_mention' then inputs.figure_low
            when 'share_of_total' then inputs.share_low
            when 'parts_of_whole' then inputs.share_low
            when 'part_of_whole' then inputs.part_low
            when 'of_which' then inputs.sub_share_low
            when 'range' then inputs.range_low
            when 'lower_bound' then inputs.bound_low
        end as published_low,
        case claims.claim_type
            when 'repeated_mention' then inputs.figure_high
            when 'share_of_total' then inputs.share_high
            when 'parts_of_whole' then inputs.share_high
            when 'part_of_whole' then inputs.part_high
            when 'of_which' then inputs.sub_share_high
            when 'range' then inputs.range_high
            when 'lower_bound' then inputs.bound_high
        end as published_high,
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
    inner join inputs
        on claims.claim_id = inputs.claim_id
    left join repeated_figures
        on claims.claim_id = repeated_figures.claim_id
    left join published_units
        on claims.claim_id = published_units.claim_id
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
