-- A quantity as text without trailing zeros: 85.65, 95150000000, 0; null
-- stays null. numbers.plain is the rule in Python and macros/quantity_text.sql
-- the same expression for the dbt models; this is it for plain DuckDB SQL (the
-- suites' queries, the synthetic corpus). Cast to the quantity type first so
-- there is always a decimal point for the zeros to stop at.
create or replace temporary macro quantity_text(quantity) as
rtrim(rtrim(cast(cast(quantity as decimal(38, 10)) as varchar), '0'), '.');
