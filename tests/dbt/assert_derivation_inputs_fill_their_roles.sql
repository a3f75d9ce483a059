-- Every derivation fills exactly the roles its operation needs: no formula
-- runs with an input missing (it would quietly give null) or left over.
-- words_as_rows is one macro per engine (unnest or explode).
with

operations as (
    select * from {{ ref('stg_corpus__operations') }}
),

derivations as (
    select * from {{ ref('stg_corpus__derivations') }}
),

derivation_inputs as (
    select * from {{ ref('stg_corpus__derivation_inputs') }}
),

required_roles as (
    select
        derivations.derived_id,
        {{ words_as_rows('operations.roles') }} as role
    from derivations
    inner join operations
        on derivations.operation = operations.operation
),

filled_roles as (
    select distinct
        derived_id,
        role
    from derivation_inputs
),

unfilled as (
    select
        derived_id,
        role,
        'required but not filled' as problem
    from required_roles
    where not exists (
        select 1 from filled_roles
        where
            filled_roles.derived_id = required_roles.derived_id
            and filled_roles.role = required_roles.role
    )
),

unexpected as (
    select
        derived_id,
        role,
        'filled but not used by the operation' as problem
    from filled_roles
    where not exists (
        select 1 from required_roles
        where
            required_roles.derived_id = filled_roles.derived_id
            and required_roles.role = filled_roles.role
    )
)

select * from unfilled
union all
select * from unexpected
