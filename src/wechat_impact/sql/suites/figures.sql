-- Every printed figure of every document in the marts (marts.figures, the
-- article's and the cited documents' alike) compared with what its
-- printed words give ($printed: the value and interval as text for each
-- distinct printed text and qualifying word, worked out in Python by
-- suites.printed_intervals from sql/suites/printed_texts.sql), and the shares
-- of one total (the shares of each parts_of_whole claim in marts.claim_figures)
-- summed by their low ends. The frame holds how many figures break either rule
-- and the first $listed of them by figure_id.
with

printed_items as (
    -- The reference table is one bound parameter, a list of structs.
    select unnest($printed) as item
),

printed as (
    select
        item.printed_text,
        item.qualifying_word,
        item.printed_value_and_interval
    from printed_items
),

marts_figures as (
    select
        figure_id,
        printed_text,
        qualifying_word,
        value,
        value_low,
        value_high
    from marts.figures
),

-- A missing end reads 'null', as suites.Interval writes it.
figure_texts as (
    select
        figure_id,
        printed_text,
        qualifying_word,
        coalesce(quantity_text(value), 'null') as value_text,
        coalesce(quantity_text(value_low), 'null') as low_text,
        coalesce(quantity_text(value_high), 'null') as high_text
    from marts_figures
),

compared as (
    select
        figure_texts.figure_id,
        'value ' || figure_texts.value_text
        || ', interval [' || figure_texts.low_text
        || ', ' || figure_texts.high_text || ']' as value_and_interval,
        printed.printed_value_and_interval
    from figure_texts
    left join printed
        on
            figure_texts.printed_text = printed.printed_text
            and figure_texts.qualifying_word
            is not distinct from printed.qualifying_word
),

shares as (
    select
        claim_figures.claim_id,
        claim_figures.figure_id
    from marts.claim_figures
    inner join marts.claim_checks
        on claim_figures.claim_id = claim_checks.claim_id
    where
        claim_checks.claim_type = 'parts_of_whole'
        and claim_figures.role = 'share'
),

shares_of_totals as (
    select
        shares.claim_id,
        sum(marts_figures.value_low) as shares_of_total_low_sum_pct
    from shares
    inner join marts_figures
        on shares.figure_id = marts_figures.figure_id
    group by shares.claim_id
),

share_sums as (
    select
        shares.figure_id,
        shares_of_totals.shares_of_total_low_sum_pct
    from shares
    inner join shares_of_totals
        on shares.claim_id = shares_of_totals.claim_id
),

offending as (
    select
        compared.figure_id,
        compared.value_and_interval,
        compared.printed_value_and_interval,
        share_sums.shares_of_total_low_sum_pct
    from compared
    left join share_sums
        on compared.figure_id = share_sums.figure_id
    where
        compared.value_and_interval
        is distinct from compared.printed_value_and_interval
        or share_sums.shares_of_total_low_sum_pct > 100
),

offending_count as (
    select count(*) as offending_figures from offending
),

offending_first as (
    select * from offending
    order by figure_id
    limit $listed
)

select
    offending_count.*,
    offending_first.*
from offending_count
left join offending_first on true
