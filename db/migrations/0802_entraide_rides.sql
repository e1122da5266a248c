-- Covoiturage to children's activities: a family going to an activity of the directory
-- offers or asks for a ride (recurring weekly between two dates, with its custody weeks);
-- the platform groups families going to the same place at the same time into crews
-- (ride-matching.ts); contact details only once every member of the crew confirmed.
-- The activity is an annuaire service, referenced by id; its name and place are copied at
-- registration (no cross-module foreign key).

CREATE TABLE entraide_crews (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id      text NOT NULL,
  weekday         smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  -- the ride whose family drives (its detour limit and seats were respected at matching)
  driver_ride_id  uuid NOT NULL,
  route_km        double precision NOT NULL CHECK (route_km >= 0),
  direct_km       double precision NOT NULL CHECK (direct_km >= 0),
  status          text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'dissolved')),
  is_demo         boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL
);

CREATE TABLE entraide_rides (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id      uuid NOT NULL,
  service_id        text NOT NULL,
  place_label       text NOT NULL CHECK (char_length(place_label) BETWEEN 1 AND 300),
  place_lat         double precision NOT NULL CHECK (place_lat BETWEEN -90 AND 90),
  place_lon         double precision NOT NULL CHECK (place_lon BETWEEN -180 AND 180),
  weekday           smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  arrive_at         time NOT NULL,
  from_day          date NOT NULL,
  to_day            date NOT NULL,
  role              text NOT NULL CHECK (role IN ('driver', 'passenger', 'either')),
  children          smallint NOT NULL CHECK (children BETWEEN 0 AND 6),
  seats             smallint NOT NULL CHECK (seats BETWEEN 0 AND 8),
  -- an adult with a licence (minors never drive: checked against the file's birth date)
  can_drive         boolean NOT NULL,
  detour_percent    smallint NOT NULL DEFAULT 25 CHECK (detour_percent BETWEEN 0 AND 100),
  custody           text NOT NULL DEFAULT 'all' CHECK (custody IN ('all', 'even', 'odd')),
  home_lat          double precision NOT NULL CHECK (home_lat BETWEEN -90 AND 90),
  home_lon          double precision NOT NULL CHECK (home_lon BETWEEN -180 AND 180),
  crew_id           uuid REFERENCES entraide_crews(id) ON DELETE SET NULL,
  confirmed         boolean NOT NULL DEFAULT false,
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
  is_demo           boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL,
  CONSTRAINT entraide_rides_days CHECK (to_day >= from_day AND to_day <= from_day + 366),
  CONSTRAINT entraide_rides_driver CHECK (role = 'passenger' OR (can_drive AND seats > 0)),
  CONSTRAINT entraide_rides_rider CHECK (role = 'driver' OR children > 0),
  CONSTRAINT entraide_rides_crew_open CHECK (status = 'open' OR crew_id IS NULL)
);
-- One open registration per family, activity and weekday.
CREATE UNIQUE INDEX entraide_rides_once ON entraide_rides (household_id, service_id, weekday) WHERE status = 'open';
CREATE INDEX entraide_rides_waiting ON entraide_rides (service_id, weekday) WHERE status = 'open' AND crew_id IS NULL;
CREATE INDEX entraide_rides_crew ON entraide_rides (crew_id);
CREATE INDEX entraide_rides_household ON entraide_rides (household_id);

-- A family that left a proposed crew is not proposed again with the families of that crew.
CREATE TABLE entraide_ride_declines (
  ride_id       uuid NOT NULL REFERENCES entraide_rides(id) ON DELETE CASCADE,
  household_id  uuid NOT NULL,
  PRIMARY KEY (ride_id, household_id)
);
