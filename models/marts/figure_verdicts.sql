-- Which figure is wrong. One row per printed figure that takes part in an
-- inconsistent claim. A claim that recomputes a value (not only a bound, as
-- "a part is at most its whole" does) tests the printed figures it uses and
-- the inputs of the derived quantities it uses. A consistent claim
-- corroborates every figure it tests; an inconsistent one contradicts the
-- figures it tests that no consistent claim supports (all of them when every
-- one is supported). Only claims stated by another document than the
-- figure's count: they are independent of it.
with

claims as (
    select * from {{ ref('int_claims_checked') }}
),

claim_figures as (
    select * from {{ ref('stg_corpus__claim_figures') }}
),

derivation_inputs as (
    select * from {{ ref('stg_corpus__derivation_inputs') }}
),

quantities as (
    select * from {{ ref('int_check_quantities_unioned') }}
),

tested as (
    select
        claim_figures.claim_id,
        claim_figures.figure_id
    from claim_figures
    inner join quantities
        on claim_figures.figure_id = quantities.quantity_id
    where quantities.kind = 'printed'

    union

    select
        claim_figures.claim_id,
        derivation_inputs.figure_id
    from claim_figures
    inner join derivation_inputs
        on claim_figures.figure_id = derivation_inputs.derived_id
),

tested_by as (
    select
        tested.claim_id,
        tested.figure_id,
        claims.status,
        claims.document_id as claim_document_id
    from tested
    inner join claims
        on tested.claim_id = claims.claim_id
    where claims.recomputed_value is not null
),

support as (
    select
        figure_id,
        count(case when status = 'consistent' then 1 end) as supporting
    from tested_by
    group by figure_id
),

unsupported as (
    select
        tested_by.claim_id,
        tested_by.figure_id
    from tested_by
    left join support
        on tested_by.figure_id = support.figure_id
    where coalesce(support.supporting, 0) = 0
),

verdicts_by_check as (
    select
        tested_by.claim_id,
        tested_by.figure_id,
        tested_by.claim_document_id,
        case
            when tested_by.status = 'consistent' then 'corroborates'
            when tested_by.status = 'unverifiable' then 'cannot_test'
            when
                unsupported.figure_id is not null
                or not exists (
                    select 1 from unsupported as others
                    where others.claim_id = tested_by.claim_id
                )
                then 'contradicts'
        end as finding
    from tested_by
    left join unsupported
        on
            tested_by.claim_id = unsupported.claim_id
            and tested_by.figure_id = unsupported.figure_id
),

subjects as (
    select distinct tested.figure_id
    from tested
    inner join claims
        on tested.claim_id = claims.claim_id
    where claims.status = 'inconsistent'
),

counted as (
    select
        subjects.figure_id,
        quantities.document_id,
        quantities.measure_id,
        quantities.data_year,
        quantities.printed_text,
        count(
            case when verdicts_by_check.finding = 'corroborates' then 1 end
        ) as corroborating_checks,
        count(
            case when verdicts_by_check.finding = 'contradicts' then 1 end
        ) as contradicting_checks,
        count(
            case when verdicts_by_check.finding = 'cannot_test' then 1 end
        ) as untestable_checks,
        {{ listagg(
            "case when verdicts_by_check.finding = 'corroborates'"
            ~ " then verdicts_by_check.claim_id end",
            "', '",
            "order by verdicts_by_check.claim_id"
        ) }} as corroborated_by,
        {{ listagg(
            "case when verdicts_by_check.finding = 'contradicts'"
            ~ " then verdicts_by_check.claim_id end",
            "', '",
            "order by verdicts_by_check.claim_id"
        ) }} as contradicted_by
    from subjects
    inner join quantities
        on subjects.figure_id = quantities.quantity_id
    left join verdicts_by_check
        on
            subjects.figure_id = verdicts_by_check.figure_id
            and quantities.document_id
            <> verdicts_by_check.claim_document_id
    group by
        subjects.figure_id,
        quantities.document_id,
        quantities.measure_id,
        quantities.data_year,
        quantities.printed_text
),

final as (
    select
        *,
        case
            when contradicting_checks > 0 and corroborating_checks > 0
                then 'disputed'
            when contradicting_checks > 0 then 'contradicted'
            when corroborating_checks > 0 then 'corroborated'
            else 'untested'
        end as verdict,
        printed_text || ': '
        || case
            when contradicting_checks + corroborating_checks = 0
                then 'no check from another document tests it.'
            else
                'contradicted by ' || cast(contradicting_checks as string)
                || ' check(s) from other documents'
                || coalesce(' (' || contradicted_by || ')', '')
                || ', corroborated by '
                || cast(corroborating_checks as string)
                || coalesce(' (' || corroborated_by || ')', '') || '.'
        end as explanation
    from counted
)

select * from final
