-- One row per pair of printings that render the same figure: the article
-- and the Chinese original it translates, or the two Chinese copies. The
-- article's figure keeps what it printed; the check says where it differs.
with

pairs as (
    select * from {{ ref('stg_corpus__translation_pairs') }}
),

printings as (
    select * from {{ ref('int_mentions_joined') }}
),

compared as (
    select
        pairs.mention_id,
        pairs.counterpart_mention_id,
        pairs.relation,
        rendering.document_id,
        original.document_id as counterpart_document_id,
        rendering.printed_text,
        original.printed_text as counterpart_printed_text,
        original.qualifying_word as counterpart_qualifying_word,
        rendering.qualifier,
        original.qualifier as counterpart_qualifier,
        rendering.measure_id,
        original.measure_id as counterpart_measure_id,
        rendering.locator,
        original.locator as counterpart_locator,
        {{ same('rendering.value', 'original.value') }} as values_agree,
        {{ same('rendering.value_low', 'original.value_low') }}
        and {{ same('rendering.value_high', 'original.value_high') }}
            as intervals_agree,
        rendering.qualifier = original.qualifier as qualifiers_agree,
        {{ same('rendering.measure_id', 'original.measure_id') }}
            as measures_agree,
        -- A sign the counterpart does not print: the article's "$4.24%".
        position('$' in rendering.printed_text) > 0
        and position('$' in original.printed_text) = 0 as has_stray_sign
    from pairs
    inner join printings as rendering
        on pairs.mention_id = rendering.printing_id
    inner join printings as original
        on pairs.counterpart_mention_id = original.printing_id
),

final as (
    select
        *,
        case
            when
                values_agree and intervals_agree and measures_agree
                and not has_stray_sign
                then 'Nothing: the same value, interval and qualifier.'
            else trim(
                case
                    when not values_agree
                        then 'The values differ. '
                    else ''
                end
                || case
                    when not qualifiers_agree
                        then
                            'The qualifier differs: ' || qualifier
                            || ' here, ' || counterpart_qualifier
                            || ' in the counterpart ('
                            || coalesce(
                                counterpart_qualifying_word, 'no word'
                            )
                            || '), so the interval read here is wrong. '
                    else ''
                end
                || case
                    when not measures_agree
                        then
                            'They say different things are measured: '
                            || coalesce(measure_id, 'none') || ' here, '
                            || coalesce(counterpart_measure_id, 'none')
                            || ' in the counterpart. '
                    else ''
                end
                || case
                    when has_stray_sign
                        then
                            'A ''$'' the counterpart does not print: '
                            || 'translation debris, the value is the same. '
                    else ''
                end
            )
        end as what_differs
    from compared
)

select * from final
