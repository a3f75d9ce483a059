-- A printed total split into components: each component's share is printed
-- or derived, its amount derived; the remainder closes the sum exactly.
with

components as (
    select * from {{ ref('stg_corpus__breakdown_components') }}
),

quantities as (
    select * from {{ ref('int_quantities_unioned') }}
),

final as (
    select
        components.component_id,
        components.total_id,
        components.component,
        components.sort_order,
        amounts.value as amount_cny,
        amounts.value_low as amount_cny_low,
        amounts.value_high as amount_cny_high,
        shares.value as share_pct,
        shares.value_low as share_pct_low,
        shares.value_high as share_pct_high,
        totals.value as total_cny,
        components.share_id,
        components.amount_id,
        {{ display_quantity('amounts.value', "'CNY'") }} as amount_display,
        {{ display_interval(
            'amounts.value_low', 'amounts.value_high', "'CNY'"
        ) }} as amount_interval_display,
        {{ display_quantity('shares.value', "'percent'") }} as share_display,
        {{ display_interval(
            'shares.value_low', 'shares.value_high', "'percent'"
        ) }} as share_interval_display,
        {{ display_quantity('totals.value', "'CNY'") }} as total_display
    from components
    inner join quantities as amounts
        on components.amount_id = amounts.quantity_id
    inner join quantities as shares
        on components.share_id = shares.quantity_id
    inner join quantities as totals
        on components.total_id = totals.quantity_id
)

select * from final
