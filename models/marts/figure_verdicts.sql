-- Which figure is wrong. One row per printed figure that takes part in an
-- inconsistent claim of the article or an inconsistent check across
-- documents. A check tests the printed figures it uses and the inputs of
-- the derived quantities it uses. A consistent check corroborates every
-- figure it tests; an inconsistent one contradicts the figures it tests
-- that no consistent check supports (all of them when every one is
-- supported). Only checks printed by another document than the figure's
-- count: they are independent of it.
with

checks as (
    select * from {{ ref('int_cross_checks_computed') }}
),

check_figures as (
    select * from {{ ref('stg_corpus__cross_check_figures') }}
),

derivation_inputs as (
    select * from {{ ref('stg_corpus__derivation_inputs') }}
),

quantities as (
    select * from {{ ref('int_check_quantities_unioned') }}
),

claims as (
    select * from {{ ref('int_claims_checked') }}
),

claim_figures as (
    select * from {{ ref('stg_corpus__claim_figures') }}
),

tested as (
    select
        check_figures.check_id,
        check_figures.quantity_id as figure_id
    from check_figures
    inner join quantities
        on check_figures.quantity_id = quantities.quantity_id
    where quantities.kind = 'printed'

    union

    select
        check_figures.check_id,
        derivation_inputs.figure_id
    from check_figures
    inner join derivation_inputs
        on check_figures.quantity_id = derivation_inputs.derived_id
),

tested_by as (
    select
        tested.check_id,
        tested.figure_id,
        checks.status,
        checks.document_id as check_document_id
    from tested
    inner join checks
        on tested.check_id = checks.check_id
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
        tested_by.check_id,
        tested_by.figure_id
    from tested_by
    left join support
        on tested_by.figure_id = support.figure_id
    where coalesce(support.supporting, 0) = 0
),

verdicts_by_check as (
    select
        tested_by.check_id,
        tested_by.figure_id,
        tested_by.check_document_id,
        case
            when tested_by.status = 'consistent' then 'corroborates'
            when tested_by.status = 'unverifiable' then 'cannot_test'
            when
                unsupported.figure_id is not null
                or not exists (
                    select 1 from unsupported as others
                    where others.check_id = tested_by.check_id
                )
                then 'contradicts'
        end as finding
    from tested_by
    left join unsupported
        on
            tested_by.check_id = unsupported.check_id
            and tested_by.figure_id = unsupported.figure_id
),

subjects as (
    select claim_figures.figure_id
    from claim_figures
    inner join claims
        on claim_figures.claim_id = claims.claim_id
    where claims.status = 'inconsistent'

    union

    select tested_by.figure_id
    from tested_by
    where tested_by.status = 'inconsistent'
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
            ~ " then verdicts_by_check.check_id end",
            "', '",
            "order by verdicts_by_check.check_id"
        ) }} as corroborated_by,
        {{ listagg(
            "case when verdicts_by_check.finding = 'contradicts'"
            ~ " then verdicts_by_check.check_id end",
            "', '",
            "order by verdicts_by_check.check_id"
        ) }} as contradicted_by
    from subjects
    inner join quantities
        on subjects.figure_id = quantities.quantity_id
    left join verdicts_by_check
        on
            subjects.figure_id = verdicts_by_check.figure_id
            and quantities.document_id
            <> verdicts_by_check.check_document_id
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
