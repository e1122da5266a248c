-- Payment codes printed on paper, for a family without a smartphone: each pays once, like a
-- phone's code, but lives for weeks. A code shown on the phone does not retire them; a new
-- printed sheet retires the previous sheet's unused codes (a lost sheet stops working).
ALTER TABLE cheques_codes ADD COLUMN printed boolean NOT NULL DEFAULT false;
