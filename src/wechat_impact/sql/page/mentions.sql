-- Every mention of a document whose text is stored, with its figure; the
-- printed text is cut out of its sentence by the mention's offsets (code
-- points from 0, so + 1 for substring). A cited document's figures have no
-- sentence to show: the sources, series and translation sections show them.
select
    figures.figure_id,
    figures.label,
    figures.data_year,
    figures.unit,
    figures.value,
    figures.value_low,
    figures.value_high,
    figures.qualifier,
    figures.mention_count,
    figures.value_display,
    figures.interval_display,
    mentions.mention_id,
    mentions.mention_number,
    mentions.printed_text,
    mentions.char_start,
    mentions.char_end,
    mentions.paragraph_number,
    mentions.sentence_number,
    substring(
        mentions.quote, 1, mentions.char_start - mentions.sentence_start
    ) as before_text,
    substring(
        mentions.quote,
        mentions.char_start - mentions.sentence_start + 1,
        mentions.char_end - mentions.char_start
    ) as marked_text,
    substring(
        mentions.quote, mentions.char_end - mentions.sentence_start + 1
    ) as after_text
from marts.figures as figures
inner join marts.figure_mentions as mentions
    on figures.figure_id = mentions.figure_id
inner join marts.documents as documents
    on figures.document_id = documents.document_id
where documents.text_stored
order by
    figures.document_id,
    figures.char_start,
    figures.figure_id,
    mentions.mention_number
