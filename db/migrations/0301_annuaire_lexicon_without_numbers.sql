-- Numbers are searched as typed and never corrected (search.store.ts LEXICON_WORD): they
-- leave the typo-correction lexicon, where imports no longer put them.
DELETE FROM annuaire_words WHERE word ~ '^[0-9]+$';
