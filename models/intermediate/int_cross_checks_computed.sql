-- Each check across documents: the published interval (the quantity in the
-- type's published role) against the interval the other quantities
-- recompute, with the type's rule. Interval arithmetic as everywhere: low
-- ends from low and high ends, rounded down; high ends rounded up. The gap
-- is the distance between the intervals of an inconsistent check.
with

checks as (
    select * from {{ ref('stg_corpus__cross_checks') }}
),

check_types as (
    select * from {{ ref('stg_corpus__cross_check_types') }}
),

check_figures as (
    select * from {{ ref('stg_corpus__cross_check_figures') }}
),

quantities as (
    select * from {{ ref('int_check_quantities_unioned') }}
),

register as (
    select * from {{ ref('stg_corpus__known_cross_discrepancies') }}
),

inputs as (
    select
        check_figures.check_id,
        checks.document_id,
        checks.check_type,
        checks.statement,
        check_types.recomputed_side,
        check_figures.role,
        check_types.published_role,
        quantities.unit,
        quantities.data_year,
        quantities.value,
        quantities.value_low,
        quantities.value_high
    from check_figures
    inner join checks
        on check_figures.check_id = checks.check_id
    inner join check_types
        on checks.check_type = check_types.check_type
    inner join quantities
        on check_figures.quantity_id = quantities.quantity_id
),

-- One column per role. Parts are summed; a sum has an upper end only when
-- every part has one.
pivoted as (
    select
        check_id,
        document_id,
        check_type,
        statement,
        recomputed_side,
        max(case when role = published_role then unit end) as unit,
        max(case when role = published_role then value end)
            as published_value,
        max(case when role = published_role then value_low end)
            as published_low,
        max(case when role = published_role then value_high end)
            as published_high,
        max(case when role = 'later' then value_low end) as later_low,
        max(case when role = 'later' then value_high end) as later_high,
        max(case when role = 'later' then data_year end) as later_year,
        max(case when role = 'earlier' then value_low end) as earlier_low,
        max(case when role = 'earlier' then value_high end) as earlier_high,
        max(case when role = 'base' then value_low end) as base_low,
        max(case when role = 'base' then value_high end) as base_high,
        max(case when role = 'base' then data_year end) as base_year,
        max(case when role = 'total' then value_low end) as total_low,
        max(case when role = 'total' then value_high end) as total_high,
        max(case when role = 'other' then value_low end) as other_low,
        max(case when role = 'other' then value_high end) as other_high,
        sum(case when role = 'part' then value_low end) as parts_low,
        case
            when
                count(case when role = 'part' then 1 end)
                = count(case when role = 'part' then value_high end)
                then sum(case when role = 'part' then value_high end)
        end as parts_high
    from inputs
    group by check_id, document_id, check_type, statement, recomputed_side
),

recomputed as (
    select
        check_id,
        document_id,
        check_type,
        statement,
        recomputed_side,
        unit,
        published_value,
        published_low,
        published_high,
        case check_type
            when 'growth_on_year_before'
                then
                    {{ exact_quotient(
                        '100 * later_low', 'earlier_high', 'down'
                    ) }} - 100
            when 'multiple_of_base'
                then {{ exact_quotient('later_low', 'base_high', 'down') }}
            -- An n-th root is not exact in decimals: double precision, then
            -- rounded outward to the 6th decimal, far below any printed digit.
            when 'average_growth_since_base'
                then cast(floor(1000000 * 100 * (power(
                    cast(later_low as double) / cast(base_high as double),
                    1.0 / (later_year - base_year)
                ) - 1)) / 1000000 as decimal(38, 10))
            when 'share_of_national_total'
                then {{ percent_of_low('parts_low', 'total_high') }}
            when 'parts_sum_to_total' then parts_low
            when 'same_figure' then other_low
        end as recomputed_low,
        case check_type
            when 'growth_on_year_before'
                then
                    {{ exact_quotient(
                        '100 * later_high', 'earlier_low', 'up'
                    ) }} - 100
            when 'multiple_of_base'
                then {{ exact_quotient('later_high', 'base_low', 'up') }}
            when 'average_growth_since_base'
                then cast(ceil(1000000 * 100 * (power(
                    cast(later_high as double) / cast(base_low as double),
                    1.0 / (later_year - base_year)
                ) - 1)) / 1000000 as decimal(38, 10))
            when 'share_of_national_total'
                then {{ percent_of('parts_high', 'total_low', 'up') }}
            when 'parts_sum_to_total' then parts_high
            when 'same_figure' then other_high
        end as recomputed_high
    from pivoted
),

statused as (
    select
        *,
        case
            when recomputed_low is null and recomputed_high is null
                then 'unverifiable'
            when
                coalesce(published_low > recomputed_high, false)
                or coalesce(recomputed_low > published_high, false)
                then 'inconsistent'
            else 'consistent'
        end as status
    from recomputed
),

final as (
    select
        statused.check_id,
        statused.document_id,
        statused.check_type,
        statused.statement,
        statused.recomputed_side,
        statused.unit,
        statused.published_value,
        statused.published_low,
        statused.published_high,
        statused.recomputed_low,
        statused.recomputed_high,
        statused.status,
        case
            when statused.status = 'inconsistent'
                then greatest(
                    coalesce(
                        statused.published_low - statused.recomputed_high, 0
                    ),
                    coalesce(
                        statused.recomputed_low - statused.published_high, 0
                    )
                )
        end as gap,
        register.check_id is not null as is_registered,
        register.reason
    from statused
    left join register
        on statused.check_id = register.check_id
)

select * from final
