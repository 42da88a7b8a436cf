-- Issues (課題, issue 13): what CS abstract from N1 interviews' findings and feedback items, one funnel stage of one
-- program each, with a statement; the evidence is the findings and feedback items linked to it.
CREATE TABLE Issues (
    Id         INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Issues PRIMARY KEY,
    ProgramId  INT            NOT NULL CONSTRAINT FK_Issues_Programs REFERENCES Programs (Id),
    Stage      NVARCHAR(20)   NOT NULL CHECK (Stage IN ('Invitation', 'Enrolment', 'Onboarding', 'Week1', 'Weeks2To4', 'Weeks5To12', 'FinalAssessment')),
    Statement  NVARCHAR(2000) NOT NULL,
    Version    INT            NOT NULL DEFAULT 1,
    CreatedAt  DATETIMEOFFSET NOT NULL,
    CreatedBy  NVARCHAR(100)  NOT NULL,
    UpdatedAt  DATETIMEOFFSET NOT NULL,
    UpdatedBy  NVARCHAR(100)  NOT NULL
);
CREATE INDEX IX_Issues_Program ON Issues (ProgramId, Stage);

CREATE TABLE IssueFindings (
    IssueId    INT            NOT NULL CONSTRAINT FK_IssueFindings_Issues REFERENCES Issues (Id),
    FindingId  INT            NOT NULL CONSTRAINT FK_IssueFindings_Findings REFERENCES InterviewFindings (Id),
    LinkedAt   DATETIMEOFFSET NOT NULL,
    LinkedBy   NVARCHAR(100)  NOT NULL,
    CONSTRAINT PK_IssueFindings PRIMARY KEY (IssueId, FindingId)
);

CREATE TABLE IssueFeedbackItems (
    IssueId        INT            NOT NULL CONSTRAINT FK_IssueFeedbackItems_Issues REFERENCES Issues (Id),
    FeedbackItemId INT            NOT NULL CONSTRAINT FK_IssueFeedbackItems_Items REFERENCES FeedbackItems (Id),
    LinkedAt       DATETIMEOFFSET NOT NULL,
    LinkedBy       NVARCHAR(100)  NOT NULL,
    CONSTRAINT PK_IssueFeedbackItems PRIMARY KEY (IssueId, FeedbackItemId)
);
