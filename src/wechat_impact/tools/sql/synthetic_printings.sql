-- How each figure of a section is printed. A mention's interval follows its
-- printed precision: exact is half a unit of the last digit either side, about
-- a whole unit, more_than has no upper end, up_to no lower end (and the upper
-- end half a unit above, as numbers.py reads "up to"), a range is its two
-- printed ends. unit_value is what one unit of the last digit is worth.
create table printings as
select printings.* from (
    values
    (
        0, 'consumption', 1, 'Consumption driven', 'CNY',
        'exact',
        ' billion yuan',
        1,
        100000000.0,
        'In 2014 section {s} drove consumption of ',
        '.'
    ),
    (
        0, 'consumption', 2, 'Consumption driven', 'CNY',
        'exact',
        ' billion yuan',
        1,
        100000000.0,
        'To repeat, section {s} drove ',
        ' in all.'
    ),
    (
        1,
        'channel_a_share',
        1,
        'Share of the consumption from channel A',
        'percent', 'exact', '%', 1, 0.1, 'Channel A made up ', ' of it.'
    ),
    (
        2,
        'channel_b_share',
        1,
        'Share of the consumption from channel B',
        'percent', 'about', '%', 1, 0.1, 'Channel B followed with ', '.'
    ),
    (
        3,
        'channel_a_consumption',
        1,
        'Consumption through channel A',
        'CNY', 'exact', ' billion yuan', 1, 100000000.0,
        'Channel A consumption in section {s} reached ', '.'
    ),
    (
        4, 'jobs', 1, 'Jobs driven', 'persons',
        'exact',
        ' million people',
        1,
        100000.0,
        'Section {s} drove jobs for ',
        '.'
    ),
    (
        4, 'jobs', 2, 'Jobs driven', 'persons',
        'up_to',
        ' million people',
        1,
        100000.0,
        'The jobs of section {s} reach ',
        '.'
    ),
    (
        5,
        'service_jobs',
        1,
        'Of those jobs, jobs in services',
        'persons',
        'exact',
        ' million people',
        1,
        100000.0,
        'Of these jobs ',
        ' are in services.'
    ),
    (
        6, 'platform_share', 1,
        'Share of organisations on the platform', 'percent',
        'exact',
        '%',
        0,
        1.0,
        'In section {s}, ',
        ' of organisations use the platform,'
    ),
    (
        7, 'input_share', 1,
        'Of those, share basing their information input on it', 'percent',
        'exact',
        '%',
        0,
        1.0,
        'and of them ',
        ' base their information input on it.'
    ),
    (
        8,
        'traffic_growth',
        1,
        'Operator traffic growth pulled',
        'percent',
        'range',
        '%',
        0,
        1.0,
        'Section {s} pulled operator traffic growth by ',
        '.'
    ),
    (
        9,
        'activities',
        1,
        'Entrepreneurial activities driven',
        'count',
        'more_than',
        ' thousand',
        0,
        1000.0,
        'Section {s} drives ',
        ' activities.'
    )
) as printings (
    slot,
    figure,
    mention_number,
    label,
    unit,
    qualifier,
    unit_words,
    decimals,
    unit_value, sentence_before, sentence_after
)
