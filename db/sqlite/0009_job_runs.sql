-- What each scheduled job did when it last ran, for the Admin jobs page: Quartz keeps schedules, not outcomes.

CREATE TABLE JobRuns (
    Id          INTEGER PRIMARY KEY AUTOINCREMENT,
    JobName     TEXT    NOT NULL,
    StartedAt   TEXT    NOT NULL,
    FinishedAt  TEXT    NULL,
    Items       INTEGER NOT NULL DEFAULT 0,
    Error       TEXT    NULL,
    TriggeredBy TEXT    NOT NULL
);
CREATE INDEX IX_JobRuns_Job ON JobRuns (JobName, Id);
