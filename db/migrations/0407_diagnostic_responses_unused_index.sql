-- Survey answers imported at disk speed (issue 20): an index no query uses is no longer
-- kept up to date on every answer written.
--
-- diagnostic_responses_neighbourhood_idx (neighbourhood_id, submitted_at) was made for the
-- neighbourhood indicator (answers sent in a period, counted by neighbourhood, for one
-- questionnaire or all: diagnostic.store.ts). The planner never takes it: on 300,000 answers
-- it reads diagnostic_responses_results_idx (questionnaire_id, submitted_at) for a short
-- period, with or without a questionnaire (0.1–0.3 ms), and the table for a long one. It cost
-- about 0.15 s of the server's CPU per 100,000 imported answers.
DROP INDEX diagnostic_responses_neighbourhood_idx;
