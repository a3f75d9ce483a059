-- One row per figure the article publishes: its value and interval in
-- marts.figures as text beside the text its printed digits give
-- ($published, from suites.PUBLISHED_FIGURES), and for a share of one total
-- the summed low ends of that total's shares ($shares).
with

published_items as (
    -- The reference table is one bound parameter, a list of structs.
    select unnest($published) as item
),

published as (
    select
        item.figure_id,
        item.printed_value_and_interval
    from published_items
),

share_items as (
    select unnest($shares) as item
),

shares as (
    select
        item.total_id,
        item.figure_id
    from share_items
),

article_figures as (
    select
        figure_id,
        value,
        value_low,
        value_high
    from marts.figures
    where document_id = $article
),

shares_of_totals as (
    select
        shares.total_id,
        sum(article_figures.value_low) as shares_of_total_low_sum_pct
    from shares
    inner join article_figures
        on shares.figure_id = article_figures.figure_id
    group by shares.total_id
),

-- A missing end reads 'null', as suites.Interval writes it.
figure_texts as (
    select
        figure_id,
        coalesce(quantity_text(value), 'null') as value_text,
        coalesce(quantity_text(value_low), 'null') as low_text,
        coalesce(quantity_text(value_high), 'null') as high_text
    from article_figures
)

select
    figure_texts.figure_id,
    'value ' || figure_texts.value_text
    || ', interval [' || figure_texts.low_text
    || ', ' || figure_texts.high_text || ']' as value_and_interval,
    published.printed_value_and_interval,
    shares_of_totals.shares_of_total_low_sum_pct
from published
inner join figure_texts
    on published.figure_id = figure_texts.figure_id
left join shares
    on published.figure_id = shares.figure_id
left join shares_of_totals
    on shares.total_id = shares_of_totals.total_id
