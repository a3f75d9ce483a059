-- One row per derivation: its value and the interval its inputs allow.
-- Interval arithmetic over non-negative inputs: a ratio's low end divides the
-- numerator's low end by the denominator's high end, and so on. A missing
-- upper end stays missing (unbounded); dividing by it gives a low end of 0.
with

derivations as (
    select * from {{ ref('stg_corpus__derivations') }}
),

operations as (
    select * from {{ ref('stg_corpus__operations') }}
),

inputs as (
    select * from {{ ref('int_derivation_inputs_pivoted') }}
),

joined as (
    select
        derivations.document_id,
        derivations.label,
        derivations.operation,
        derivations.unit,
        operations.formula as formula_template,
        -- derived_id comes with the inputs: a select may name it only once
        -- on Spark.
        inputs.*
    from derivations
    inner join operations
        on derivations.operation = operations.operation
    inner join inputs
        on derivations.derived_id = inputs.derived_id
),

computed as (
    select
        derived_id,
        document_id,
        label,
        operation,
        replace(
            replace(
                replace(
                    replace(
                        formula_template, '{part}', coalesce(part_text, '')
                    ),
                    '{total}',
                    coalesce(total_text, '')
                ),
                '{share}',
                coalesce(share_text, '')
            ),
            '{sub_share}',
            coalesce(sub_share_text, '')
        ) as formula,
        unit,
        case operation
            when 'share_of'
                then {{ percent_of('part_value', 'total_value') }}
            when 'amount_of_share'
                then {{ to_quantity('total_value * share_value * 0.01') }}
            when 'total_from_share'
                then {{ exact_quotient('part_value * 100', 'share_value') }}
            when 'remainder_share'
                then {{ to_quantity('100 - share_value') }}
            when 'remainder_amount'
                then {{ to_quantity(
                    'total_value * (100 - share_value) * 0.01'
                ) }}
            when 'share_of_share'
                then {{ to_quantity('share_value * sub_share_value * 0.01') }}
        end as value,
        case operation
            when 'share_of'
                then {{ percent_of_low('part_low', 'total_high') }}
            when 'amount_of_share'
                then {{ to_quantity('total_low * share_low * 0.01') }}
            when 'total_from_share'
                then coalesce(
                    {{ exact_quotient(
                        'part_low * 100', 'share_high', 'down'
                    ) }},
                    0
                )
            when 'remainder_share'
                then {{ to_quantity('100 - share_high') }}
            when 'remainder_amount'
                then {{ to_quantity(
                    '(100 - share_high) * 0.01 * case
                        when share_high > 100 then total_high else total_low
                    end'
                ) }}
            when 'share_of_share'
                then {{ to_quantity('share_low * sub_share_low * 0.01') }}
        end as value_low,
        case operation
            when 'share_of'
                then {{ percent_of('part_high', 'total_low', 'up') }}
            when 'amount_of_share'
                then {{ to_quantity('total_high * share_high * 0.01') }}
            when 'total_from_share'
                then {{ exact_quotient('part_high * 100', 'share_low', 'up') }}
            when 'remainder_share'
                then {{ to_quantity('100 - share_low') }}
            when 'remainder_amount'
                then {{ to_quantity(
                    '(100 - share_low) * 0.01 * case
                        when share_low > 100 then total_low else total_high
                    end'
                ) }}
            when 'share_of_share'
                then {{ to_quantity('share_high * sub_share_high * 0.01') }}
        end as value_high
    from joined
),

final as (
    select * from computed
)

select * from final
