-- The yearly allowance (dotation annuelle): a year credits an account once. The nightly job
-- and anyone else crediting "the allowance of year N" (a granted yearly aid) meet on this
-- unique index, so two runs, two processes or a job racing an agent never credit twice.
ALTER TABLE cheques_entries ADD COLUMN allowance_year int CHECK (allowance_year BETWEEN 2000 AND 2200);
ALTER TABLE cheques_entries ADD CONSTRAINT cheques_entries_allowance_is_credit CHECK (allowance_year IS NULL OR type = 'credit');
CREATE UNIQUE INDEX cheques_entries_allowance_once ON cheques_entries (account_id, allowance_year) WHERE allowance_year IS NOT NULL;
