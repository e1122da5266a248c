-- Tutorat: volunteer tutors (students), entered and validated by an agent, with subjects,
-- levels, a neighbourhood and weekly hours; a family asks for a child; an agent assigns a
-- tutor among those the matching proposes; sessions are logged (pilotage counts the hours).

CREATE TABLE entraide_tutors (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  display_name      text NOT NULL CHECK (char_length(display_name) BETWEEN 2 AND 120),
  phone             text CHECK (char_length(phone) <= 30),
  subjects          text[] NOT NULL CHECK (cardinality(subjects) >= 1 AND subjects <@ ARRAY['francais', 'maths', 'anglais', 'sciences', 'histoire-geo', 'devoirs']),
  levels            text[] NOT NULL CHECK (cardinality(levels) >= 1 AND levels <@ ARRAY['primaire', 'college', 'lycee']),
  neighbourhood_id  text NOT NULL,
  weekdays          smallint[] NOT NULL CHECK (cardinality(weekdays) >= 1 AND weekdays <@ ARRAY[0, 1, 2, 3, 4, 5, 6]::smallint[]),
  from_time         time NOT NULL,
  to_time           time NOT NULL,
  active            boolean NOT NULL DEFAULT true,
  validated_by      uuid REFERENCES users(id) ON DELETE SET NULL,
  is_demo           boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL,
  CONSTRAINT entraide_tutors_hours CHECK (to_time > from_time)
);

CREATE TABLE entraide_tutoring_requests (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id      uuid NOT NULL,
  child_first_name  text NOT NULL CHECK (char_length(child_first_name) BETWEEN 1 AND 60),
  subject           text NOT NULL CHECK (subject IN ('francais', 'maths', 'anglais', 'sciences', 'histoire-geo', 'devoirs')),
  level             text NOT NULL CHECK (level IN ('primaire', 'college', 'lycee')),
  neighbourhood_id  text,
  weekday           smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  from_time         time NOT NULL,
  to_time           time NOT NULL,
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'matched', 'closed')),
  tutor_id          uuid REFERENCES entraide_tutors(id) ON DELETE SET NULL,
  created_at        timestamptz NOT NULL,
  matched_at        timestamptz,
  CONSTRAINT entraide_tutoring_hours CHECK (to_time > from_time),
  CONSTRAINT entraide_tutoring_matched CHECK (status <> 'matched' OR tutor_id IS NOT NULL)
);
CREATE INDEX entraide_tutoring_household ON entraide_tutoring_requests (household_id);
CREATE INDEX entraide_tutoring_open ON entraide_tutoring_requests (created_at) WHERE status = 'open';

CREATE TABLE entraide_tutoring_sessions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id  uuid NOT NULL REFERENCES entraide_tutoring_requests(id) ON DELETE CASCADE,
  tutor_id    uuid REFERENCES entraide_tutors(id) ON DELETE SET NULL,
  day         date NOT NULL,
  minutes     int NOT NULL CHECK (minutes BETWEEN 15 AND 240),
  logged_by   uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL,
  CONSTRAINT entraide_tutoring_session_once UNIQUE (request_id, day)
);
