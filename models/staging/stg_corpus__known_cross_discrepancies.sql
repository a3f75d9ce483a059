with

source as (
    select * from {{ seed_relation('corpus_known_cross_discrepancies') }}
),

renamed as (
    select
        check_id,
        reason
    from source
)

select * from renamed
