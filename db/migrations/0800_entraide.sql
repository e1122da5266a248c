-- Entraide entre parents: Parents Voisins (posts, answers, messages, blocks, reports,
-- validated households, ambassadors) and the parentothèque (items, loans).
-- Households are the dossiers module's: referenced by id (no cross-module foreign key); its erasure hook deletes these rows.

-- A household validated by an agent or an ambassador: only these may offer childcare.
CREATE TABLE entraide_validations (
  household_id  uuid PRIMARY KEY,
  validated_by  uuid REFERENCES users(id) ON DELETE SET NULL,
  validated_at  timestamptz NOT NULL
);

-- Ambassador parents, appointed by an agent, one or more per neighbourhood.
CREATE TABLE entraide_ambassadors (
  user_id           uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  neighbourhood_id  text NOT NULL,
  appointed_by      uuid REFERENCES users(id) ON DELETE SET NULL,
  appointed_at      timestamptz NOT NULL
);

-- A block works both ways: the reader checks (a, b) and (b, a).
CREATE TABLE entraide_blocks (
  blocker_household_id  uuid NOT NULL,
  blocked_household_id  uuid NOT NULL,
  created_at            timestamptz NOT NULL,
  PRIMARY KEY (blocker_household_id, blocked_household_id),
  CONSTRAINT entraide_blocks_not_self CHECK (blocker_household_id <> blocked_household_id)
);

CREATE TABLE entraide_posts (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id      uuid NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('offer', 'request')),
  category          text NOT NULL CHECK (category IN ('garde', 'trajet', 'courses', 'pret', 'ecoute')),
  neighbourhood_id  text NOT NULL,
  title             text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 120),
  description       text NOT NULL CHECK (char_length(description) <= 2000),
  starts_at         timestamptz NOT NULL,
  ends_at           timestamptz,
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'removed')),
  is_demo           boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL,
  CONSTRAINT entraide_posts_dates CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX entraide_posts_board ON entraide_posts (neighbourhood_id, starts_at) WHERE status = 'open';
CREATE INDEX entraide_posts_household ON entraide_posts (household_id);

-- One answer per household and post; contact details are shown only when both sides accepted.
CREATE TABLE entraide_answers (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  post_id               uuid NOT NULL REFERENCES entraide_posts(id) ON DELETE CASCADE,
  household_id          uuid NOT NULL,
  author_shares_contact boolean NOT NULL DEFAULT false,
  helper_shares_contact boolean NOT NULL DEFAULT false,
  created_at            timestamptz NOT NULL,
  CONSTRAINT entraide_answers_once UNIQUE (post_id, household_id)
);
CREATE INDEX entraide_answers_household ON entraide_answers (household_id);

CREATE TABLE entraide_messages (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq                  bigint GENERATED ALWAYS AS IDENTITY, -- order of writing (several messages may share a moment)
  answer_id            uuid NOT NULL REFERENCES entraide_answers(id) ON DELETE CASCADE,
  author_household_id  uuid NOT NULL,
  body                 text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
  created_at           timestamptz NOT NULL
);
CREATE INDEX entraide_messages_answer ON entraide_messages (answer_id, seq);

-- Reports go to the agents' moderation queue.
CREATE TABLE entraide_reports (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reporter_household_id  uuid,
  post_id                uuid REFERENCES entraide_posts(id) ON DELETE CASCADE,
  reported_household_id  uuid,
  reason                 text NOT NULL CHECK (char_length(reason) BETWEEN 3 AND 1000),
  status                 text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'post-removed')),
  created_at             timestamptz NOT NULL,
  resolved_by            uuid REFERENCES users(id) ON DELETE SET NULL,
  resolved_at            timestamptz
);
CREATE INDEX entraide_reports_open ON entraide_reports (created_at) WHERE status = 'open';

-- Parentothèque and recyclerie: items given by partners, companies or families.
CREATE TABLE entraide_items (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title             text NOT NULL CHECK (char_length(title) BETWEEN 2 AND 120),
  category          text NOT NULL CHECK (category IN ('poussette', 'lit', 'siege-auto', 'cartable', 'fournitures', 'electromenager', 'meuble', 'autre')),
  condition         text NOT NULL CHECK (condition IN ('neuf', 'tres-bon', 'bon', 'usage')),
  mode              text NOT NULL CHECK (mode IN ('pret', 'don')),
  donor_kind        text NOT NULL CHECK (donor_kind IN ('partenaire', 'entreprise', 'famille')),
  donor_label       text CHECK (char_length(donor_label) <= 120),
  description       text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
  neighbourhood_id  text,
  loan_days         int NOT NULL DEFAULT 30 CHECK (loan_days BETWEEN 1 AND 365),
  status            text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'given', 'retired')),
  is_demo           boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL
);

-- A loan: reserved (held for the family, the committee or an agent approves) → active
-- (handed over, due date) → overdue (set by the daily job) → returned; or refused/cancelled.
CREATE TABLE entraide_loans (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id           uuid NOT NULL REFERENCES entraide_items(id) ON DELETE CASCADE,
  household_id      uuid NOT NULL,
  status            text NOT NULL CHECK (status IN ('reserved', 'active', 'overdue', 'returned', 'given', 'refused', 'cancelled')),
  due_on            date,
  reserved_at       timestamptz NOT NULL,
  started_at        timestamptz,
  ended_at          timestamptz,
  decided_by        uuid REFERENCES users(id) ON DELETE SET NULL,
  last_reminder_on  date,
  CONSTRAINT entraide_loans_due CHECK (status NOT IN ('active', 'overdue') OR due_on IS NOT NULL)
);
-- An item is never promised twice: at most one reserved, active or overdue loan per item.
CREATE UNIQUE INDEX entraide_loans_item_promised ON entraide_loans (item_id) WHERE status IN ('reserved', 'active', 'overdue');
CREATE INDEX entraide_loans_household ON entraide_loans (household_id);
CREATE INDEX entraide_loans_due ON entraide_loans (due_on) WHERE status IN ('active', 'overdue');
