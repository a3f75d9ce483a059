-- Each distinct printed text of a figure in the marts, with its qualifying
-- word: null where the printed text is the whole printing (the article prints
-- its qualifier in the text), else the word a cited document prints apart.
-- Python reads each once (suites.printed_intervals), however many figures
-- print it.
select distinct
    printed_text,
    qualifying_word
from marts.figures
order by printed_text, qualifying_word
