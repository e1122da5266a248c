-- Groupes de parole: the language a message is written in (issue 19), as its author's pages were set
-- when writing it. A page in another language marks it (lang), so it is read aloud in its own language
-- and an Arabic message keeps its direction on an English page. Earlier messages were written in French.
ALTER TABLE groupes_messages ADD COLUMN lang text NOT NULL DEFAULT 'fr';
