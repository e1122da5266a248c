-- Decisions in the order they were taken, even within one instant (a correction right
-- after its decision): the last one is the decision in force.
ALTER TABLE aid_decisions ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX aid_decisions_request_seq_idx ON aid_decisions (request_id, seq);
