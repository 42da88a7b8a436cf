-- What a job run planned but did not do, so nothing is dropped silently: steps a participant's own state machine
-- refused, and steps lost to someone else's change since the batch was read (the next run looks again).

ALTER TABLE JobRuns ADD Refused INT NOT NULL CONSTRAINT DF_JobRuns_Refused DEFAULT 0;
ALTER TABLE JobRuns ADD Conflicts INT NOT NULL CONSTRAINT DF_JobRuns_Conflicts DEFAULT 0;
