-- Each document's text.
create table texts as
select
    document_number,
    document_id,
    string_agg(sentence, ' ' order by text_position) as text
from placed
group by document_number, document_id
