-- What each scheduled job did when it last ran, for the Admin jobs page: Quartz keeps schedules, not outcomes.

CREATE TABLE JobRuns (
    Id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_JobRuns PRIMARY KEY,
    JobName     NVARCHAR(100)  NOT NULL,
    StartedAt   DATETIMEOFFSET NOT NULL,
    FinishedAt  DATETIMEOFFSET NULL,
    Items       INT            NOT NULL CONSTRAINT DF_JobRuns_Items DEFAULT 0,
    Error       NVARCHAR(2000) NULL,
    TriggeredBy NVARCHAR(100)  NOT NULL
);
CREATE INDEX IX_JobRuns_Job ON JobRuns (JobName, Id);
