-- The participant list's search finds a name or its reading from its start, and an employee number or e-mail address
-- as written, through indexes of the cohort, instead of reading every participant of it (issue 18: a "contains" search
-- read all 100,000 rows of a large cohort twice, for the page and its count). SearchName and SearchKana hold the name
-- and reading folded the way the search folds what is typed (ParticipantSearchKey: NFKC, lower case, hiragana as
-- katakana, no spaces); the console sets them when it admits a participant, erases them with the name on withdrawal,
-- and fills them for participants admitted before this script at start-up.
ALTER TABLE Participants ADD COLUMN SearchName TEXT NULL;
ALTER TABLE Participants ADD COLUMN SearchKana TEXT NULL;
CREATE INDEX IX_Participants_CohortSearchName ON Participants (CohortId, SearchName);
CREATE INDEX IX_Participants_CohortSearchKana ON Participants (CohortId, SearchKana);
CREATE INDEX IX_Participants_CohortEmail ON Participants (CohortId, Email);
