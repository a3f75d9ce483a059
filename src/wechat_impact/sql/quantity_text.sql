-- A quantity as text without trailing zeros: 85.65, 95150000000, 0; null
-- stays null. The rule is numbers.plain; this is it for plain DuckDB SQL (the
-- suites' queries, the synthetic corpus), and macros/quantity_text.sql for the
-- dbt models (tests/test_validate.py checks both against numbers.plain). Cast
-- to the quantity type first so there is always a decimal point for the zeros
-- to stop at.
create or replace temporary macro quantity_text(quantity) as
rtrim(rtrim(cast(cast(quantity as decimal(38, 10)) as varchar), '0'), '.');
