-- Each check of a document's figures against another's, inconsistent first.
select
    checks.check_id,
    checks.statement,
    checks.unit,
    checks.status,
    checks.gap,
    checks.gap_pct_of_published,
    checks.reason,
    documents.publisher
from marts.cross_checks as checks
inner join marts.documents as documents
    on checks.document_id = documents.document_id
order by checks.status <> 'inconsistent', checks.status, checks.check_id
