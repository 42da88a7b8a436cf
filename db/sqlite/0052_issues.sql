-- Issues (課題, issue 13): what CS abstract from N1 interviews' findings and feedback items, one funnel stage of one
-- program each, with a statement; the evidence is the findings and feedback items linked to it.
CREATE TABLE Issues (
    Id         INTEGER PRIMARY KEY AUTOINCREMENT,
    ProgramId  INTEGER NOT NULL REFERENCES Programs (Id),
    Stage      TEXT    NOT NULL CHECK (Stage IN ('Invitation', 'Enrolment', 'Onboarding', 'Week1', 'Weeks2To4', 'Weeks5To12', 'FinalAssessment')),
    Statement  TEXT    NOT NULL,
    Version    INTEGER NOT NULL DEFAULT 1,
    CreatedAt  TEXT    NOT NULL,
    CreatedBy  TEXT    NOT NULL,
    UpdatedAt  TEXT    NOT NULL,
    UpdatedBy  TEXT    NOT NULL
);
CREATE INDEX IX_Issues_Program ON Issues (ProgramId, Stage);

CREATE TABLE IssueFindings (
    IssueId    INTEGER NOT NULL REFERENCES Issues (Id),
    FindingId  INTEGER NOT NULL REFERENCES InterviewFindings (Id),
    LinkedAt   TEXT    NOT NULL,
    LinkedBy   TEXT    NOT NULL,
    PRIMARY KEY (IssueId, FindingId)
);

CREATE TABLE IssueFeedbackItems (
    IssueId        INTEGER NOT NULL REFERENCES Issues (Id),
    FeedbackItemId INTEGER NOT NULL REFERENCES FeedbackItems (Id),
    LinkedAt       TEXT    NOT NULL,
    LinkedBy       TEXT    NOT NULL,
    PRIMARY KEY (IssueId, FeedbackItemId)
);
