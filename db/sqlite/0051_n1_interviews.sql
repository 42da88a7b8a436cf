-- N1 interviews (issue 13): candidates drawn at random from the people a funnel selection lost at one stage, each draw
-- kept with its seed so it can be drawn again the same way; each interview moves contact → consent → scheduled → done,
-- or declined; its notes and findings are personal free text, erased (NULL, with ErasedAt) when the participant withdraws.
-- A finding is tagged with a funnel stage and can be sent once to the feedback router (FeedbackItemId).
CREATE TABLE InterviewDraws (
    Id          INTEGER PRIMARY KEY AUTOINCREMENT,
    Selection   TEXT    NOT NULL,
    Stage       TEXT    NOT NULL CHECK (Stage IN ('Invitation', 'Enrolment', 'Onboarding', 'Week1', 'Weeks2To4', 'Weeks5To12', 'FinalAssessment')),
    Seed        INTEGER NOT NULL,
    Requested   INTEGER NOT NULL CHECK (Requested BETWEEN 1 AND 50),
    PoolSize    INTEGER NOT NULL CHECK (PoolSize >= 0),
    DrawnAt     TEXT    NOT NULL,
    DrawnBy     TEXT    NOT NULL
);

CREATE TABLE Interviews (
    Id            INTEGER PRIMARY KEY AUTOINCREMENT,
    DrawId        INTEGER NOT NULL REFERENCES InterviewDraws (Id),
    ParticipantId INTEGER NOT NULL REFERENCES Participants (Id),
    Status        TEXT    NOT NULL CHECK (Status IN ('Candidate', 'Contacted', 'Consented', 'Scheduled', 'Done', 'Declined')),
    ScheduledFor  TEXT    NULL,
    Notes         TEXT    NULL,
    ErasedAt      TEXT    NULL,
    Version       INTEGER NOT NULL DEFAULT 1,
    CreatedAt     TEXT    NOT NULL,
    UpdatedAt     TEXT    NOT NULL,
    UpdatedBy     TEXT    NOT NULL
);
CREATE INDEX IX_Interviews_Participant ON Interviews (ParticipantId, Status);
CREATE INDEX IX_Interviews_Draw ON Interviews (DrawId);

CREATE TABLE InterviewFindings (
    Id             INTEGER PRIMARY KEY AUTOINCREMENT,
    InterviewId    INTEGER NOT NULL REFERENCES Interviews (Id),
    Stage          TEXT    NOT NULL CHECK (Stage IN ('Invitation', 'Enrolment', 'Onboarding', 'Week1', 'Weeks2To4', 'Weeks5To12', 'FinalAssessment')),
    Text           TEXT    NULL,
    FeedbackItemId INTEGER NULL REFERENCES FeedbackItems (Id),
    CreatedAt      TEXT    NOT NULL,
    CreatedBy      TEXT    NOT NULL
);
CREATE INDEX IX_InterviewFindings_Interview ON InterviewFindings (InterviewId);
CREATE INDEX IX_InterviewFindings_Stage ON InterviewFindings (Stage);
