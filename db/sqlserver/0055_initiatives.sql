-- Initiatives (施策, issue 13): what CS change to answer one issue, measured against a baseline (a window before the start,
-- or a control group of a cohort's teams) and watched as the effect wears off. The design (metric, baseline, scope, start)
-- is fixed at creation; a team experiment's arms are drawn once, by the stored seed, when the cohort's teams exist.
CREATE TABLE Initiatives (
    Id                INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Initiatives PRIMARY KEY,
    IssueId           INT            NOT NULL CONSTRAINT FK_Initiatives_Issues REFERENCES Issues (Id),
    Title             NVARCHAR(200)  NOT NULL,
    Hypothesis        NVARCHAR(2000) NOT NULL,
    ChangeKind        NVARCHAR(20)   NOT NULL CHECK (ChangeKind IN ('Content', 'Default', 'ProgramVersion', 'BaseAppChange')),
    ChangeDescription NVARCHAR(2000) NOT NULL,
    MetricKind        NVARCHAR(20)   NOT NULL CHECK (MetricKind IN ('StepConversion', 'CheckInRate')),
    MetricStage       NVARCHAR(20)   NULL CHECK (MetricStage IN ('Enrolment', 'Onboarding', 'Week1', 'Weeks2To4', 'Weeks5To12', 'FinalAssessment')),
    MetricFromWeek    INT            NULL,
    MetricToWeek      INT            NULL,
    BaselineKind      NVARCHAR(20)   NOT NULL CHECK (BaselineKind IN ('BeforeStart', 'ControlTeams')),
    BaselineWeeks     INT            NULL,
    StartDate         DATE           NOT NULL,
    OwnerId           INT            NOT NULL CONSTRAINT FK_Initiatives_Users REFERENCES Users (Id),
    DecayShare        FLOAT          NOT NULL CHECK (DecayShare > 0 AND DecayShare < 1),
    ArmSeed           INT            NULL,
    State             NVARCHAR(10)   NOT NULL CHECK (State IN ('Active', 'Ended')),
    Version           INT            NOT NULL DEFAULT 1,
    CreatedAt         DATETIMEOFFSET NOT NULL,
    CreatedBy         NVARCHAR(100)  NOT NULL,
    UpdatedAt         DATETIMEOFFSET NOT NULL,
    UpdatedBy         NVARCHAR(100)  NOT NULL
);
CREATE INDEX IX_Initiatives_Issue ON Initiatives (IssueId);
CREATE INDEX IX_Initiatives_State ON Initiatives (State, StartDate);

-- The scope: the program versions or the cohorts the change applies to (one kind per initiative).
CREATE TABLE InitiativeVersions (
    InitiativeId     INT NOT NULL CONSTRAINT FK_InitiativeVersions_Initiatives REFERENCES Initiatives (Id),
    ProgramVersionId INT NOT NULL CONSTRAINT FK_InitiativeVersions_Versions REFERENCES ProgramVersions (Id),
    CONSTRAINT PK_InitiativeVersions PRIMARY KEY (InitiativeId, ProgramVersionId)
);
CREATE INDEX IX_InitiativeVersions_Version ON InitiativeVersions (ProgramVersionId);

CREATE TABLE InitiativeCohorts (
    InitiativeId INT NOT NULL CONSTRAINT FK_InitiativeCohorts_Initiatives REFERENCES Initiatives (Id),
    CohortId     INT NOT NULL CONSTRAINT FK_InitiativeCohorts_Cohorts REFERENCES Cohorts (Id),
    CONSTRAINT PK_InitiativeCohorts PRIMARY KEY (InitiativeId, CohortId)
);

-- A team experiment's arms: each of the cohort's teams in treatment or control.
CREATE TABLE InitiativeTeams (
    InitiativeId INT            NOT NULL CONSTRAINT FK_InitiativeTeams_Initiatives REFERENCES Initiatives (Id),
    TeamId       INT            NOT NULL CONSTRAINT FK_InitiativeTeams_Teams REFERENCES Teams (Id),
    Arm          NVARCHAR(10)   NOT NULL CHECK (Arm IN ('Treatment', 'Control')),
    AssignedAt   DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_InitiativeTeams PRIMARY KEY (InitiativeId, TeamId)
);
