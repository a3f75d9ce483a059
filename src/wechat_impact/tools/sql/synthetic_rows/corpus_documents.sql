select
    document_id,
    cast(length(text) + 1 as varchar) as char_count,
    'wechat_impact.tools.synthetic' as author,
    'nobody (generated for the scale run)' as publisher,
    'wechat_impact.tools.synthetic' as report_publisher,
    '2014-12' as report_date,
    'en (synthetic)' as language,
    document_number as position,
    getvariable('sources')
    || '/document_id='
    || document_id
    || '/'
    || getvariable('file')
        as path,
    sha256(text || chr(10)) as sha256,
    'Synthetic document ' || document_number as title,
    'Synthetic impact report ' || document_number as report_title
from texts
