-- Agents search families by phone (digits only, any formatting): trigram index on the digits.
CREATE INDEX household_members_phone_digits_trgm ON household_members
  USING gin (regexp_replace(coalesce(phone, ''), '\D', '', 'g') gin_trgm_ops) WHERE kind = 'parent';
