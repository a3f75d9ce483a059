-- Every printed figure, with its text, value and interval as the seeds print
-- them. A view: only `placed` is materialised, with only the columns the
-- seeds need.
create view mentions as
with digits as (
    select
        printings.*,
        sections.document_number,
        sections.document_id,
        sections.section,
        sections.section_number,
        case printings.slot
            when 0 then sections.consumption
            when 1 then sections.channel_a_share
            when 2 then sections.channel_b_share
            when 3 then sections.channel_a_consumption
            when 4 then sections.jobs
            when 5 then sections.service_jobs
            when 6 then sections.platform_share
            when 7 then sections.input_share
            when 8 then sections.growth_low
            when 9 then sections.activities
        end as printed_digits,
        case printings.slot when 8 then sections.growth_high end
            as printed_high_digits,
        sections.section_id || '_' || printings.figure as figure_id
    from sections
    cross join printings
),

quantities as (
    select
        *,
        printed_digits * unit_value as amount,
        -- What the last significant digit is worth, by numbers.py's rule:
        -- written with a scale word, trailing zeros are not significant
        -- ("882.0 million" is to the million); plain digits keep every digit.
        unit_value * case
            when regexp_matches(unit_words, 'thousand|million|billion')
                then cast(
                    power(
                        10,
                        length(cast(printed_digits as varchar))
                        - length(rtrim(cast(printed_digits as varchar), '0'))
                    ) as bigint
                )
            else 1
        end as significant_unit,
        -- exact decimal arithmetic: significant_unit / 2 would be a double
        case qualifier
            when 'about' then significant_unit else significant_unit * 0.5
        end as spread,
        -- the words the article prints a qualifier with, from numbers.py
        coalesce(getvariable('qualifier_words')[qualifier] || ' ', '')
        || digits_text(printed_digits, decimals)
        || case
            when qualifier = 'range'
                then
                    unit_words
                    || '-'
                    || digits_text(printed_high_digits, decimals)
            else ''
        end
        || unit_words as printed_text,
        replace(sentence_before, '{s}', cast(section as varchar)) as before_text
    from digits
)

select
    document_number,
    document_id,
    section,
    slot,
    mention_number,
    figure_id,
    label,
    unit,
    qualifier,
    printed_text,
    figure_id || '__' || mention_number as mention_id,
    case when qualifier <> 'range' then quantity_text(amount) end as value,
    case qualifier
        when 'exact' then quantity_text(amount - spread)
        when 'about' then quantity_text(amount - spread)
        when 'more_than' then quantity_text(amount)
        when 'range' then quantity_text(amount)
    end as value_low,
    case qualifier
        when 'exact' then quantity_text(amount + spread)
        when 'about' then quantity_text(amount + spread)
        when 'up_to' then quantity_text(amount + spread)
        when 'range' then quantity_text(printed_high_digits * unit_value)
    end as value_high,
    length(before_text) as printed_offset,
    before_text || printed_text || sentence_after as sentence,
    section_number * getvariable('figures_per_section')
    + slot as figure_position,
    -- a document prints every figure once, section by section, then repeats
    -- some
    (mention_number * getvariable('sections') + section)
    * getvariable('figures_per_section') + slot as text_position
from quantities
