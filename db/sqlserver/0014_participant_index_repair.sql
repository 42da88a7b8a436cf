-- 0005_participants.sql was edited after databases had been made from it: an earlier version created these four
-- indexes and a later one dropped them from the script. Databases made from either version converge here on the
-- current definition, so every installation has the same indexes whichever version it first ran.

DROP INDEX IF EXISTS IX_Participants_Employee ON Participants;
DROP INDEX IF EXISTS IX_Participants_Import ON Participants;
DROP INDEX IF EXISTS IX_Participants_CohortName ON Participants;
DROP INDEX IF EXISTS IX_Participants_CohortEmployee ON Participants;
