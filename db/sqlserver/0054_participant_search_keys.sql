-- The participant list's search finds a name or its reading from its start, and an employee number or e-mail address
-- as written, through indexes of the cohort (see the SQLite script). The folded keys compare by code point (BIN2), as
-- SQLite's do, so a range from the typed prefix finds exactly the keys that start with it.
ALTER TABLE Participants ADD SearchName NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL, SearchKana NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL;
GO
CREATE INDEX IX_Participants_CohortSearchName ON Participants (CohortId, SearchName);
CREATE INDEX IX_Participants_CohortSearchKana ON Participants (CohortId, SearchKana);
CREATE INDEX IX_Participants_CohortEmail ON Participants (CohortId, Email);
