with

source as (
    select * from {{ seed_relation('corpus_translation_pairs') }}
),

renamed as (
    select
        figure_id,
        counterpart_id,
        relation
    from source
)

select * from renamed
