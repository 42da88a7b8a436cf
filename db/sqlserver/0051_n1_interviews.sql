-- N1 interviews (issue 13): candidates drawn at random from the people a funnel selection lost at one stage, each draw
-- kept with its seed so it can be drawn again the same way; each interview moves contact → consent → scheduled → done,
-- or declined; its notes and findings are personal free text, erased (NULL, with ErasedAt) when the participant withdraws.
-- A finding is tagged with a funnel stage and can be sent once to the feedback router (FeedbackItemId).
CREATE TABLE InterviewDraws (
    Id          INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_InterviewDraws PRIMARY KEY,
    Selection   NVARCHAR(1000) NOT NULL,
    Stage       NVARCHAR(20)   NOT NULL CHECK (Stage IN ('Invitation', 'Enrolment', 'Onboarding', 'Week1', 'Weeks2To4', 'Weeks5To12', 'FinalAssessment')),
    Seed        INT            NOT NULL,
    Requested   INT            NOT NULL CHECK (Requested BETWEEN 1 AND 50),
    PoolSize    INT            NOT NULL CHECK (PoolSize >= 0),
    DrawnAt     DATETIMEOFFSET NOT NULL,
    DrawnBy     NVARCHAR(100)  NOT NULL
);

CREATE TABLE Interviews (
    Id            INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Interviews PRIMARY KEY,
    DrawId        INT            NOT NULL CONSTRAINT FK_Interviews_Draws REFERENCES InterviewDraws (Id),
    ParticipantId BIGINT         NOT NULL CONSTRAINT FK_Interviews_Participants REFERENCES Participants (Id),
    Status        NVARCHAR(20)   NOT NULL CHECK (Status IN ('Candidate', 'Contacted', 'Consented', 'Scheduled', 'Done', 'Declined')),
    ScheduledFor  DATETIMEOFFSET NULL,
    Notes         NVARCHAR(MAX)  NULL,
    ErasedAt      DATETIMEOFFSET NULL,
    Version       INT            NOT NULL DEFAULT 1,
    CreatedAt     DATETIMEOFFSET NOT NULL,
    UpdatedAt     DATETIMEOFFSET NOT NULL,
    UpdatedBy     NVARCHAR(100)  NOT NULL
);
CREATE INDEX IX_Interviews_Participant ON Interviews (ParticipantId, Status);
CREATE INDEX IX_Interviews_Draw ON Interviews (DrawId);

CREATE TABLE InterviewFindings (
    Id             INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_InterviewFindings PRIMARY KEY,
    InterviewId    INT            NOT NULL CONSTRAINT FK_InterviewFindings_Interviews REFERENCES Interviews (Id),
    Stage          NVARCHAR(20)   NOT NULL CHECK (Stage IN ('Invitation', 'Enrolment', 'Onboarding', 'Week1', 'Weeks2To4', 'Weeks5To12', 'FinalAssessment')),
    Text           NVARCHAR(2000) NULL,
    FeedbackItemId INT            NULL CONSTRAINT FK_InterviewFindings_FeedbackItems REFERENCES FeedbackItems (Id),
    CreatedAt      DATETIMEOFFSET NOT NULL,
    CreatedBy      NVARCHAR(100)  NOT NULL
);
CREATE INDEX IX_InterviewFindings_Interview ON InterviewFindings (InterviewId);
CREATE INDEX IX_InterviewFindings_Stage ON InterviewFindings (Stage);
