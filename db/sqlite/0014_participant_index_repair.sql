-- 0005_participants.sql was edited after databases had been made from it: an earlier version created these four
-- indexes and a later one dropped them from the script. Databases made from either version converge here on the
-- current definition, so every installation has the same indexes whichever version it first ran.

DROP INDEX IF EXISTS IX_Participants_Employee;
DROP INDEX IF EXISTS IX_Participants_Import;
DROP INDEX IF EXISTS IX_Participants_CohortName;
DROP INDEX IF EXISTS IX_Participants_CohortEmployee;
