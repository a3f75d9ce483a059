with

source as (
    select * from {{ seed_relation('corpus_translation_pairs') }}
),

renamed as (
    select
        mention_id,
        counterpart_mention_id,
        relation
    from source
)

select * from renamed
