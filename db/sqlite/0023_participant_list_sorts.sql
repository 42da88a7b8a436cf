-- The participant list of a large cohort sorts by name (kana, then name), employee number and team: each sort gets an
-- index that starts with the cohort, so a page reads its rows in order instead of sorting the whole cohort (issue 18).
CREATE INDEX IX_Participants_CohortKanaName ON Participants (CohortId, Kana, FullName);
CREATE INDEX IX_Participants_CohortEmployeeNumber ON Participants (CohortId, EmployeeNumber);
CREATE INDEX IX_Participants_CohortTeam ON Participants (CohortId, TeamId);
