-- Issue 19: sign-in through OpenID Connect (FranceConnect for families, ProConnect for agents
-- and partners), alongside passwords. docs/decisions/0016-oidc-sign-in.md.

-- An account's identities at a provider: one subject per provider maps to one account, and an
-- account holds at most one identity per provider (linked once).
CREATE TABLE user_identities (
  provider      text NOT NULL CHECK (provider IN ('franceconnect', 'proconnect')),
  subject       text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
  user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  linked_at     timestamptz NOT NULL,
  last_login_at timestamptz,
  CONSTRAINT user_identities_subject_key PRIMARY KEY (provider, subject),
  CONSTRAINT user_identities_user_key UNIQUE (user_id, provider)
);

-- A sign-in under way: what the callback must find again (state, nonce, PKCE verifier), bound to
-- the browser that started it (hash of a random httpOnly cookie), short-lived and single use.
CREATE TABLE oidc_logins (
  state         text PRIMARY KEY,
  browser_hash  bytea NOT NULL,
  provider      text NOT NULL CHECK (provider IN ('franceconnect', 'proconnect')),
  purpose       text NOT NULL CHECK (purpose IN ('login', 'link')),
  -- link: the signed-in account that asked to link the identity
  user_id       uuid REFERENCES users(id) ON DELETE CASCADE,
  nonce         text NOT NULL,
  code_verifier text NOT NULL,
  return_to     text,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz,
  CONSTRAINT oidc_logins_link_user CHECK (purpose <> 'link' OR user_id IS NOT NULL)
);
CREATE INDEX oidc_logins_expiry_idx ON oidc_logins (expires_at);

-- A session opened through a provider keeps its id_token, for the provider's logout
-- (end_session with id_token_hint); it dies with the session.
ALTER TABLE sessions ADD COLUMN oidc_provider text, ADD COLUMN oidc_id_token text;

-- ProConnect sign-ins of an unknown e-mail in a configured domain: an admin approves (with a
-- role, and the structure of a partner) or refuses. No access before approval.
CREATE TABLE oidc_access_requests (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider       text NOT NULL CHECK (provider IN ('proconnect')),
  subject        text NOT NULL,
  email          text NOT NULL,
  given_name     text,
  usual_name     text,
  siret          text,
  suggested_role user_role NOT NULL CHECK (suggested_role IN ('agent', 'partner', 'coordinator')),
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
  requested_at   timestamptz NOT NULL,
  decided_at     timestamptz,
  decided_by     uuid REFERENCES users(id) ON DELETE SET NULL,
  user_id        uuid REFERENCES users(id) ON DELETE SET NULL,
  CONSTRAINT oidc_access_requests_decided CHECK ((status = 'pending') = (decided_at IS NULL))
);
-- One open request per identity: a second sign-in while it waits finds the same one.
CREATE UNIQUE INDEX oidc_access_requests_pending_key ON oidc_access_requests (provider, subject) WHERE status = 'pending';
CREATE INDEX oidc_access_requests_status_idx ON oidc_access_requests (status, requested_at DESC);
