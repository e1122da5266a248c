-- Directory records imported at disk speed (issue 20): the place index on points instead of
-- the earth's cube.
--
-- The GiST index on `ll_to_earth(latitude, longitude)` (earthdistance's 3-D cube) cost about
-- a third of the server's work per imported service: the cube opclass allocates a union for
-- every entry of every page it descends, and splits a full page by comparing each pair of its
-- entries. A GiST index on the point (longitude, latitude) keeps a box per entry and splits
-- by sorting (measured on 100,000 services: 8.9 → 6.0 s of server CPU, the same as no place
-- index at all).
--
-- The search keeps its exact nearest-first order (search.store.ts): it finds the smallest
-- disc around the place (500 m, doubled up to the radius asked) holding the page, reading each
-- through this index's box (a box that holds the whole disc), then sorts that disc's services
-- by their exact great-circle distance (earth_distance, as before): every service outside the
-- disc is farther than those inside.
DROP INDEX annuaire_services_earth_idx;
CREATE INDEX annuaire_services_place_idx ON annuaire_services USING gist (point(longitude, latitude))
  WHERE latitude IS NOT NULL;
