-- A granted aid paid in vouchers credits the family's chèques account once: the request is
-- the key, so a second grant (a retry, a race) cannot credit twice. The chèques entry is
-- that module's (no foreign key: its tables come later in the migration order).
CREATE TABLE aid_voucher_credits (
  request_id    uuid PRIMARY KEY REFERENCES aid_requests(id) ON DELETE CASCADE,
  decision_id   uuid NOT NULL REFERENCES aid_decisions(id) ON DELETE CASCADE,
  cheques_kind  text NOT NULL,
  amount_cents  int NOT NULL CHECK (amount_cents > 0),
  entry_id      uuid NOT NULL,
  credited_at   timestamptz NOT NULL
);

-- The family was told that an aid ends: the aid's end date (families receiving it, asking
-- for it, or eligible to it), or the end of the year of a yearly aid (to ask again).
-- Once per household, aid, reason and period.
CREATE TABLE aid_end_notices (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id  uuid NOT NULL,
  aid_id        text NOT NULL,
  request_id    uuid REFERENCES aid_requests(id) ON DELETE SET NULL,
  reason        text NOT NULL CHECK (reason IN ('aid-ended', 'renewal')),
  -- The end date (aid-ended) or the year (renewal).
  period        text NOT NULL CHECK (length(period) BETWEEN 4 AND 10),
  sent_at       timestamptz NOT NULL,
  CONSTRAINT aid_end_notices_once UNIQUE (household_id, aid_id, reason, period)
);
CREATE INDEX aid_end_notices_household_idx ON aid_end_notices (household_id);
