select
    document_id,
    title,
    author,
    publisher,
    language,
    report_title,
    report_publisher,
    report_date,
    path,
    char_count,
    sha256
from marts.documents
where text_stored
order by document_id
