-- The documents cited but not stored: where each is printed.
select
    document_id,
    kind,
    publisher,
    language,
    published_on,
    data_year,
    url,
    description
from marts.documents
where not text_stored
order by published_on nulls last, document_id
