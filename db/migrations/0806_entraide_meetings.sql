-- Ambassador meetings (Parents Voisins): an ambassador parent (or an agent) organises a meeting
-- of its neighbourhood with a date, a place, a capacity in people; families register and
-- unregister. The capacity is the database's: a trigger keeps the meeting's count of people
-- registered (its UPDATE locks the meeting's row, so concurrent registrations queue) and a
-- CHECK refuses a count over the capacity.
-- Newcomers an ambassador welcomed are remembered (entraide_welcomes).

CREATE TABLE entraide_meetings (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  neighbourhood_id   text NOT NULL,
  organiser_user_id  uuid REFERENCES users(id) ON DELETE SET NULL,
  title              text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 120),
  description        text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
  place              text NOT NULL CHECK (char_length(place) BETWEEN 3 AND 200),
  starts_at          timestamptz NOT NULL,
  ends_at            timestamptz,
  capacity           integer NOT NULL CHECK (capacity BETWEEN 1 AND 500),
  registered         integer NOT NULL DEFAULT 0 CHECK (registered >= 0),
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
  is_demo            boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL,
  CONSTRAINT entraide_meetings_capacity CHECK (registered <= capacity),
  CONSTRAINT entraide_meetings_dates CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX entraide_meetings_upcoming ON entraide_meetings (neighbourhood_id, starts_at) WHERE status = 'open';

-- One registration per family and meeting; `people` (adults and children) count against the capacity.
CREATE TABLE entraide_meeting_registrations (
  meeting_id     uuid NOT NULL REFERENCES entraide_meetings(id) ON DELETE CASCADE,
  household_id   uuid NOT NULL,
  people         smallint NOT NULL CHECK (people BETWEEN 1 AND 10),
  registered_at  timestamptz NOT NULL,
  PRIMARY KEY (meeting_id, household_id)
);
CREATE INDEX entraide_meeting_registrations_household ON entraide_meeting_registrations (household_id);

CREATE FUNCTION entraide_meeting_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE entraide_meetings SET registered = registered + NEW.people WHERE id = NEW.meeting_id;
    RETURN NEW;
  END IF;
  UPDATE entraide_meetings SET registered = registered - OLD.people WHERE id = OLD.meeting_id;
  RETURN OLD;
END $$;
CREATE TRIGGER entraide_meeting_count AFTER INSERT OR DELETE ON entraide_meeting_registrations
  FOR EACH ROW EXECUTE FUNCTION entraide_meeting_count();

-- A newcomer an ambassador (or an agent) welcomed: no longer listed as to welcome.
CREATE TABLE entraide_welcomes (
  household_id  uuid PRIMARY KEY,
  welcomed_by   uuid REFERENCES users(id) ON DELETE SET NULL,
  welcomed_at   timestamptz NOT NULL
);
