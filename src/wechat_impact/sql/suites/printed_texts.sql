-- Each distinct printed text of a figure in the marts, with its qualifying
-- word: the article prints its qualifier in the text (qualifying_word null), a
-- cited document prints the word apart ('' when it prints none). Python reads
-- each once (suites.printed_intervals), however many figures print it.
select distinct
    printed_text,
    null as qualifying_word
from marts.figures
union
select distinct
    printed_text,
    coalesce(qualifying_word, '') as qualifying_word
from marts.cited_figures
order by printed_text, qualifying_word
