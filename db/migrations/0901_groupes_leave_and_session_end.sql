-- Groupes de parole: leaving is not being removed, and a live socket ends with its session.
--
-- 1. A parent who leaves a room (its own choice) may come back under a pseudonym; one a
--    facilitator removed may not, until a moderator readmits it. Until now both set
--    removed_at: leaving gets its own column, and a removal records who removed.
ALTER TABLE groupes_members ADD COLUMN left_at timestamptz;
ALTER TABLE groupes_members ADD COLUMN removed_by uuid REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE groupes_members ADD CONSTRAINT groupes_members_left_or_removed CHECK (left_at IS NULL OR removed_at IS NULL);

-- Memberships that a leave (audited as groupes/left by the member itself) recorded as a removal.
UPDATE groupes_members m SET left_at = m.removed_at, removed_at = NULL
 WHERE m.removed_at IS NOT NULL
   AND EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'groupes/left' AND a.actor_id = m.user_id AND a.subject_id = m.room_id::text)
   AND NOT EXISTS (
     SELECT 1 FROM audit_log a WHERE a.action = 'groupes/member-removed' AND a.subject_id = m.room_id::text AND a.details->>'userId' = m.user_id::text
   );

-- 2. Every process's live sockets are told when a session ends, whatever ended it (logout,
--    password change, an administrator, an erased account) and whichever process did:
--    the notification carries the hash of the session's token (never the token), or the
--    account when it is disabled. Delivered on commit, like every NOTIFY.
CREATE FUNCTION groupes_session_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('groupes_session_end', json_build_object('h', encode(OLD.token_hash, 'hex'))::text);
  RETURN NULL;
END $$;
CREATE TRIGGER groupes_session_ended AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION groupes_session_ended();

CREATE FUNCTION groupes_account_disabled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('groupes_session_end', json_build_object('u', NEW.id)::text);
  RETURN NULL;
END $$;
CREATE TRIGGER groupes_account_disabled AFTER UPDATE OF disabled_at ON users
  FOR EACH ROW WHEN (OLD.disabled_at IS NULL AND NEW.disabled_at IS NOT NULL) EXECUTE FUNCTION groupes_account_disabled();
