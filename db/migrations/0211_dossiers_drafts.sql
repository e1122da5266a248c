-- What a family typed in the household file's steps, saved as it goes (a draft), so
-- that a reload, a lost connection or another device loses nothing. One draft per
-- account and form (the first filling, the yearly renewal); it belongs to the account
-- (a family without a file yet has no household), is replaced at every save and deleted
-- when the file is saved, erased with the account's file.
CREATE TABLE household_drafts (
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  form         text NOT NULL CHECK (form IN ('remplir', 'renouvellement')),
  step         int NOT NULL CHECK (step BETWEEN 0 AND 20),
  data         jsonb NOT NULL CHECK (octet_length(data::text) <= 65536),
  -- when the family typed it (its device's clock: an offline save arrives later)
  saved_at     timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (user_id, form)
);
