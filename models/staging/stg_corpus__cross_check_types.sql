with

source as (
    select * from {{ seed_relation('corpus_cross_check_types') }}
),

renamed as (
    select
        check_type,
        roles,
        same_measure,
        published_role,
        description,
        recomputed_side
    from source
)

select * from renamed
