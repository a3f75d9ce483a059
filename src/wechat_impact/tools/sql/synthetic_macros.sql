-- Thomas Mueller's 32-bit integer hash: the same input gives the same draw
-- on every run.
create macro mix_step(x) as (xor(x >> 16, x) * 73244475) % 4294967296;
create macro mix(x) as xor(mix_step(mix_step(x)) >> 16, mix_step(mix_step(x)));
create macro draw(section_number, salt, low, high) as
low + mix(section_number * 16 + salt) % (high - low + 1);
create macro digits_text(digits, decimals) as
case decimals
    when 0 then cast(digits as varchar)
    else cast(digits // 10 as varchar) || '.' || cast(digits % 10 as varchar)
end;
