-- An action's priority (1 high, 2 normal, 3 low), set by the rule that opens it (CsActionSchedule); the queue shows
-- the most urgent first (issue 15). Actions opened before the rule are normal.
ALTER TABLE CsActions ADD COLUMN Priority INTEGER NOT NULL DEFAULT 2 CHECK (Priority IN (1, 2, 3));
CREATE INDEX IX_CsActions_QueuePriority ON CsActions (Status, Priority, DueOn);
