-- Garde partagée, compatible hours: the childminder's hours (weekdays 0 = Sunday … 6, and a time
-- range), set by the family that creates the cooperative, and the hours each family needs. A family
-- joins only when its need falls within the childminder's hours (checked by the service under the
-- cooperative's lock). Cooperatives created before this migration have no hours (NULL: not stated).
ALTER TABLE entraide_coops
  ADD COLUMN weekdays  smallint[],
  ADD COLUMN from_time time,
  ADD COLUMN to_time   time,
  ADD CONSTRAINT entraide_coops_hours CHECK (
    (weekdays IS NULL AND from_time IS NULL AND to_time IS NULL)
    OR (cardinality(weekdays) BETWEEN 1 AND 7 AND weekdays <@ ARRAY[0,1,2,3,4,5,6]::smallint[] AND from_time < to_time)
  );

ALTER TABLE entraide_coop_members
  ADD COLUMN weekdays  smallint[],
  ADD COLUMN from_time time,
  ADD COLUMN to_time   time,
  ADD CONSTRAINT entraide_coop_members_hours CHECK (
    (weekdays IS NULL AND from_time IS NULL AND to_time IS NULL)
    OR (cardinality(weekdays) BETWEEN 1 AND 7 AND weekdays <@ ARRAY[0,1,2,3,4,5,6]::smallint[] AND from_time < to_time)
  );
