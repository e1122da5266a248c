-- Chèques (santé, services, garde, carte alimentaire) as a ledger, and the Pass Famille Solo.
-- A balance is the sum of an account's entries, never a stored number. Entries are never
-- updated: a cancellation, a correction or an expiry is a new entry. The database refuses
-- an entry that would make a balance negative, also under concurrent spends (trigger below,
-- which locks the account row before summing). Money in integer cents.

CREATE TABLE cheques_accounts (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- NULL once the family's file is erased: the entries stay for the partners' settlements.
  household_id      uuid REFERENCES households(id) ON DELETE SET NULL,
  kind              text NOT NULL CHECK (kind IN ('sante', 'services', 'garde', 'alimentaire')),
  -- What a cashier sees of the holder; refreshed at each credit, erased with the file.
  holder_first_name text,
  created_at        timestamptz NOT NULL,
  is_demo           boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX cheques_accounts_household_kind_key ON cheques_accounts (household_id, kind) WHERE household_id IS NOT NULL;

CREATE TABLE cheques_entries (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id    uuid NOT NULL REFERENCES cheques_accounts(id) ON DELETE CASCADE,
  type          text NOT NULL CHECK (type IN ('credit', 'debit', 'cancellation', 'correction', 'expiry')),
  amount_cents  int NOT NULL CHECK (amount_cents <> 0),
  -- credits: where the money comes from
  source        text CHECK (source IN ('allowance', 'top_up', 'aid', 'agent')),
  source_ref    text,
  reason        text CHECK (length(reason) <= 500),
  expires_at    timestamptz,
  -- debits: the partner structure (annuaire) where it was spent
  structure_id  uuid,
  -- cancellation: the debit it cancels (once); expiry: the credit that expired (once)
  reverses_id   uuid REFERENCES cheques_entries(id),
  created_by    uuid,
  created_at    timestamptz NOT NULL,
  CONSTRAINT cheques_entries_sign CHECK (
    (type = 'credit' AND amount_cents > 0 AND source IS NOT NULL)
    OR (type = 'debit' AND amount_cents < 0 AND structure_id IS NOT NULL)
    OR (type = 'cancellation' AND amount_cents > 0 AND reverses_id IS NOT NULL)
    OR (type = 'expiry' AND amount_cents < 0 AND reverses_id IS NOT NULL)
    OR (type = 'correction' AND reason IS NOT NULL)
  )
);
CREATE INDEX cheques_entries_account_idx ON cheques_entries (account_id, created_at);
CREATE INDEX cheques_entries_structure_idx ON cheques_entries (structure_id, created_at) WHERE structure_id IS NOT NULL;
CREATE UNIQUE INDEX cheques_entries_reverses_key ON cheques_entries (reverses_id) WHERE reverses_id IS NOT NULL;
CREATE INDEX cheques_entries_expiry_idx ON cheques_entries (expires_at) WHERE type = 'credit' AND expires_at IS NOT NULL;

-- Entries are facts: never changed (a deletion happens only with the whole account).
CREATE FUNCTION cheques_entries_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'cheques_entries are append-only' USING ERRCODE = '55000';
END $$;
CREATE TRIGGER cheques_entries_no_update BEFORE UPDATE ON cheques_entries FOR EACH ROW EXECUTE FUNCTION cheques_entries_immutable();

-- The balance guarantee: an entry that takes money out locks its account, then sums it.
-- Each statement of a plpgsql function takes a fresh snapshot under READ COMMITTED, so the
-- sum sees every entry committed before the lock was granted.
CREATE FUNCTION cheques_entries_balance_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  balance bigint;
BEGIN
  IF NEW.amount_cents < 0 THEN
    PERFORM 1 FROM cheques_accounts WHERE id = NEW.account_id FOR UPDATE;
    SELECT coalesce(sum(amount_cents), 0) INTO balance FROM cheques_entries WHERE account_id = NEW.account_id;
    IF balance + NEW.amount_cents < 0 THEN
      RAISE EXCEPTION 'balance would be negative' USING ERRCODE = '23514', CONSTRAINT = 'cheques_balance_nonnegative';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER cheques_entries_balance BEFORE INSERT ON cheques_entries FOR EACH ROW EXECUTE FUNCTION cheques_entries_balance_check();

-- The partners accepted per kind (a pharmacy for santé, an épicerie sociale for alimentaire).
CREATE TABLE cheques_partner_kinds (
  structure_id  uuid NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('sante', 'services', 'garde', 'alimentaire')),
  accepted_at   timestamptz NOT NULL,
  accepted_by   uuid,
  PRIMARY KEY (structure_id, kind)
);

-- Payment codes: random, short-lived, single use, stored hashed, bound to an account.
CREATE TABLE cheques_codes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id  uuid NOT NULL REFERENCES cheques_accounts(id) ON DELETE CASCADE,
  code_hash   bytea NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  entry_id    uuid REFERENCES cheques_entries(id)
);
CREATE INDEX cheques_codes_account_idx ON cheques_codes (account_id, created_at DESC);

-- Settlements: per partner and month, the redemptions the town reimburses.
CREATE TABLE cheques_settlements (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  structure_id  uuid NOT NULL,
  period        text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  total_cents   int NOT NULL CHECK (total_cents >= 0),
  created_at    timestamptz NOT NULL,
  created_by    uuid,
  paid_at       timestamptz,
  paid_by       uuid,
  CONSTRAINT cheques_settlements_once UNIQUE (structure_id, period)
);
CREATE TABLE cheques_settlement_items (
  settlement_id uuid NOT NULL REFERENCES cheques_settlements(id) ON DELETE CASCADE,
  entry_id      uuid NOT NULL REFERENCES cheques_entries(id) ON DELETE CASCADE,
  CONSTRAINT cheques_settlement_items_once UNIQUE (entry_id)
);
CREATE INDEX cheques_settlement_items_settlement_idx ON cheques_settlement_items (settlement_id);

-- A credit's life after it is granted: the 7-day notice sent, its expiry processed (the
-- expired remainder, possibly nothing, being an 'expiry' entry). Once each.
CREATE TABLE cheques_credit_states (
  credit_id       uuid PRIMARY KEY REFERENCES cheques_entries(id) ON DELETE CASCADE,
  notice_sent_at  timestamptz,
  closed_at       timestamptz
);

-- Pass Famille Solo: one live card per household; its QR is signed at display time.
CREATE TABLE cheques_passes (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id  uuid REFERENCES households(id) ON DELETE CASCADE,
  number        text NOT NULL UNIQUE,
  first_name    text NOT NULL,
  valid_from    date NOT NULL,
  valid_until   date NOT NULL,
  issued_at     timestamptz NOT NULL,
  issued_by     uuid,
  revoked_at    timestamptz,
  revoked_by    uuid,
  revoke_reason text CHECK (length(revoke_reason) <= 500),
  is_demo       boolean NOT NULL DEFAULT false,
  CONSTRAINT cheques_passes_period CHECK (valid_until >= valid_from)
);
CREATE UNIQUE INDEX cheques_passes_live_key ON cheques_passes (household_id) WHERE revoked_at IS NULL;

-- What a partner offers pass holders, keyed by its directory structure.
CREATE TABLE cheques_pass_offers (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  structure_id  uuid NOT NULL,
  benefit       text NOT NULL CHECK (benefit IN ('free_entry', 'reduced_price', 'reserved_workshop')),
  theme         text NOT NULL CHECK (theme IN ('culture', 'sport', 'loisirs', 'ateliers')),
  title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  details       text CHECK (length(details) <= 1000),
  neighbourhood_id text,
  created_at    timestamptz NOT NULL,
  created_by    uuid
);
CREATE INDEX cheques_pass_offers_structure_idx ON cheques_pass_offers (structure_id);

-- Verifications are counted, not who: the partner, its neighbourhood, the result, when.
CREATE TABLE cheques_pass_verifications (
  id              bigserial PRIMARY KEY,
  structure_id    uuid NOT NULL,
  neighbourhood_id text,
  result          text NOT NULL CHECK (result IN ('valid', 'expired', 'revoked')),
  at              timestamptz NOT NULL
);
CREATE INDEX cheques_pass_verifications_at_idx ON cheques_pass_verifications (at);
