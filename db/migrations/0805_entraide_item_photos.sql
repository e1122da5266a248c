-- A photo of a parentothèque item: its metadata (EXIF, GPS…) stripped before it is stored; kept in
-- the database (never under the web root), served only to signed-in users. One photo per item.
CREATE TABLE entraide_item_photos (
  item_id      uuid PRIMARY KEY REFERENCES entraide_items(id) ON DELETE CASCADE,
  mime_type    text NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png', 'image/webp')),
  content      bytea NOT NULL,
  size_bytes   integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 2097152),
  uploaded_by  uuid REFERENCES users(id) ON DELETE SET NULL,
  uploaded_at  timestamptz NOT NULL
);
