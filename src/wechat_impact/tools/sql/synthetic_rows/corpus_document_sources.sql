-- Each synthetic document is stored, as the article is: its text is in
-- corpus_documents, so it needs no address.
select
    document_id,
    'article' as kind,
    'en' as language,
    null as url,
    'nobody (generated for the scale run)' as publisher,
    null as published_on,
    '2026-11-27' as accessed_on,
    '2014' as data_year,
    null as translates_document_id,
    'true' as text_stored,
    'Synthetic document ' || document_number || ', for the scale run'
        as description,
    document_number as position
from texts
