-- Issue 19: a town may add a language (Turkish, Ukrainian, Romanian…) by adding catalogue files,
-- without a migration of ours: users.locale takes any language tag ("tr", "uk", "pt-BR"); which
-- ones a user may pick is the application's check (the languages the notifications are written in).
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_locale_check;
ALTER TABLE users ADD CONSTRAINT users_locale_check CHECK (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]+)*$');

-- The language a notification was written in (its e-mail's Content-Language).
ALTER TABLE notifications ADD COLUMN locale text NOT NULL DEFAULT 'fr' CHECK (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]+)*$');
