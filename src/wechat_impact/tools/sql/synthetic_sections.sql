-- One row per section, with the printed digits of its ten figures (an integer
-- in units of the last printed digit: 952 is "95.2 billion yuan"). The limits
-- keep every rule: shares a and b add up to at most 90.1%, the derived parts
-- are never 0, sub-shares stay below 100.
create table sections as
with numbered as (
    select
        documents.document_number,
        sections.section,
        printf('synthetic_%06d', documents.document_number) as document_id,
        printf(
            'synthetic_%06d_%d', documents.document_number, sections.section
        ) as section_id,
        documents.document_number * getvariable('sections')
        + sections.section as section_number,
        sections.section < getvariable('linked_sections') as linked,
        documents.document_number % 100 = 3
        and sections.section = 0 as share_claim_broken,
        documents.document_number % 100 = 7
        and sections.section = 0 as part_claim_broken
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
    -- share a of the total, rounded half up to the printed tenth; doubled
    -- where the claim is to fail (the recomputed share then cannot reach the
    -- printed one).
    (consumption * channel_a_share + 500) // 1000
    * case when share_claim_broken then 2 else 1 end as channel_a_consumption,
    -- a part of the jobs; twice the jobs where the part-of-whole claim is to
    -- fail.
    case
        when part_claim_broken then 2 * jobs
        else (jobs * service_jobs_pct + 50) // 100
    end as service_jobs,
    growth_low + growth_spread as growth_high
from drawn
