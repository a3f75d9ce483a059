-- Every claim, within one document or across documents, with its register
-- entry and its numbers as written for people.
with

claims as (
    select * from {{ ref('int_claims_checked') }}
),

known_discrepancies as (
    select * from {{ ref('stg_corpus__known_discrepancies') }}
),

final as (
    select
        claims.claim_id,
        claims.document_id,
        claims.claim_type,
        claims.statement,
        claims.document_count,
        claims.unit,
        claims.published_value,
        claims.published_low,
        claims.published_high,
        claims.recomputed_value,
        claims.recomputed_low,
        claims.recomputed_high,
        claims.recomputed_side,
        claims.status,
        claims.gap,
        claims.gap_pct_of_published,
        claims.explanation,
        known_discrepancies.claim_id is not null as known_discrepancy,
        known_discrepancies.reason as known_discrepancy_reason,
        {{ display_quantity('claims.published_value', 'claims.unit') }}
            as published_display,
        {{ display_interval(
            'claims.published_low', 'claims.published_high', 'claims.unit'
        ) }} as published_interval_display,
        {{ display_quantity('claims.recomputed_value', 'claims.unit') }}
            as recomputed_display,
        {{ display_interval(
            'claims.recomputed_low', 'claims.recomputed_high', 'claims.unit'
        ) }} as recomputed_interval_display,
        -- a gap between two percentages is in percentage points
        {{ display_quantity(
            'claims.gap',
            "case claims.unit when 'percent' then 'percentage_points'"
            ~ " else claims.unit end"
        ) }} as gap_display,
        {{ display_quantity('claims.gap_pct_of_published', "'percent'") }}
            as gap_pct_of_published_display
    from claims
    left join known_discrepancies
        on claims.claim_id = known_discrepancies.claim_id
)

select * from final
