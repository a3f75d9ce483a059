-- The claims and derivations of one section: (name, kind, words) and their
-- figures by role; and the components of its breakdown.
create table claim_shapes as
select claim_shapes.* from (
    values
    (
        'consumption_repeated', 'repeated_mention',
        'The consumption of section {s} is printed twice, the same both times.'
    ),
    (
        'jobs_repeated', 'repeated_mention',
        'The jobs of section {s} are printed twice: exactly and as an upper '
        || 'bound.'
    ),
    (
        'channel_a_share_of_consumption', 'share_of_total',
        'Channel A''s printed share of the consumption of section {s} '
        || 'matches its printed amount.'
    ),
    (
        'channel_shares_within_consumption', 'parts_of_whole',
        'Channels A and B are shares of the same consumption of section {s}.'
    ),
    (
        'service_jobs_within_jobs', 'part_of_whole',
        'The service jobs of section {s} are part of its jobs.'
    ),
    (
        'input_share_of_which', 'of_which',
        'Of the organisations on the platform in section {s}, a printed share '
        || 'base their information input on it.'
    ),
    (
        'traffic_growth_range', 'range',
        'Section {s} pulled operator traffic growth by a printed range.'
    ),
    (
        'activities_lower_bound', 'lower_bound',
        'Section {s} drives more than a printed number of activities.'
    ),
    (
        'channel_amounts_make_consumption', 'parts_sum_to_total',
        'The amounts the channels'' shares of section {s} stand for, and what '
        || 'they leave, make its printed consumption.'
    )
) as claim_shapes (claim, claim_type, statement);

create table claim_roles as
select claim_roles.* from (
    values
    ('consumption_repeated', 'consumption', 'figure'),
    ('jobs_repeated', 'jobs', 'figure'),
    ('channel_a_share_of_consumption', 'channel_a_share', 'share'),
    ('channel_a_share_of_consumption', 'channel_a_consumption', 'part'),
    ('channel_a_share_of_consumption', 'consumption', 'total'),
    ('channel_shares_within_consumption', 'channel_a_share', 'share'),
    ('channel_shares_within_consumption', 'channel_b_share', 'share'),
    ('service_jobs_within_jobs', 'service_jobs', 'part'),
    ('service_jobs_within_jobs', 'jobs', 'whole'),
    ('input_share_of_which', 'platform_share', 'share'),
    ('input_share_of_which', 'input_share', 'sub_share'),
    ('traffic_growth_range', 'traffic_growth', 'range'),
    ('activities_lower_bound', 'activities', 'bound'),
    ('channel_amounts_make_consumption', 'channel_a_amount', 'part'),
    ('channel_amounts_make_consumption', 'channel_b_amount', 'part'),
    ('channel_amounts_make_consumption', 'unexplained_amount', 'part'),
    ('channel_amounts_make_consumption', 'consumption', 'total')
) as claim_roles (claim, figure, role);

create table derivation_shapes as
select derivation_shapes.* from (
    values
    (
        'channel_a_amount', 'amount_of_share', 'CNY',
        'Consumption implied by channel A''s share of the total'
    ),
    (
        'channel_b_amount', 'amount_of_share', 'CNY',
        'Consumption implied by channel B''s share of the total'
    ),
    (
        'unexplained_share', 'remainder_share', 'percent',
        'Share of the consumption the channels do not explain'
    ),
    (
        'unexplained_amount', 'remainder_amount', 'CNY',
        'Consumption the channels do not explain'
    ),
    (
        'service_jobs_share',
        'share_of',
        'percent',
        'Service jobs as a share of the jobs'
    ),
    (
        'implied_consumption', 'total_from_share', 'CNY',
        'Consumption implied by channel A''s printed amount and share'
    ),
    (
        'input_share_of_all', 'share_of_share', 'percent',
        'Share of all organisations basing their information input on the '
        || 'platform'
    )
) as derivation_shapes (derivation, operation, unit, label);

create table derivation_roles as
select derivation_roles.* from (
    values
    ('channel_a_amount', 'consumption', 'total'),
    ('channel_a_amount', 'channel_a_share', 'share'),
    ('channel_b_amount', 'consumption', 'total'),
    ('channel_b_amount', 'channel_b_share', 'share'),
    ('unexplained_share', 'channel_a_share', 'share'),
    ('unexplained_share', 'channel_b_share', 'share'),
    ('unexplained_amount', 'consumption', 'total'),
    ('unexplained_amount', 'channel_a_share', 'share'),
    ('unexplained_amount', 'channel_b_share', 'share'),
    ('service_jobs_share', 'service_jobs', 'part'),
    ('service_jobs_share', 'jobs', 'total'),
    ('implied_consumption', 'channel_a_consumption', 'part'),
    ('implied_consumption', 'channel_a_share', 'share'),
    ('input_share_of_all', 'platform_share', 'share'),
    ('input_share_of_all', 'input_share', 'sub_share')
) as derivation_roles (derivation, figure, role);

create table component_shapes as
select component_shapes.* from (
    values
    ('channel_a', 'Channel A', 1, 'channel_a_share', 'channel_a_amount'),
    ('channel_b', 'Channel B', 2, 'channel_b_share', 'channel_b_amount'),
    (
        'not_broken_down',
        'Not broken down by the document',
        3,
        'unexplained_share',
        'unexplained_amount'
    )
) as component_shapes (
    component, component_name, sort_order, share, amount
);
