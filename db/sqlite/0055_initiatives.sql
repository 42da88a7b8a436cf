-- Initiatives (施策, issue 13): what CS change to answer one issue, measured against a baseline (a window before the start,
-- or a control group of a cohort's teams) and watched as the effect wears off. The design (metric, baseline, scope, start)
-- is fixed at creation; a team experiment's arms are drawn once, by the stored seed, when the cohort's teams exist.
CREATE TABLE Initiatives (
    Id                INTEGER PRIMARY KEY AUTOINCREMENT,
    IssueId           INTEGER NOT NULL REFERENCES Issues (Id),
    Title             TEXT    NOT NULL,
    Hypothesis        TEXT    NOT NULL,
    ChangeKind        TEXT    NOT NULL CHECK (ChangeKind IN ('Content', 'Default', 'ProgramVersion', 'BaseAppChange')),
    ChangeDescription TEXT    NOT NULL,
    MetricKind        TEXT    NOT NULL CHECK (MetricKind IN ('StepConversion', 'CheckInRate')),
    MetricStage       TEXT    NULL CHECK (MetricStage IN ('Enrolment', 'Onboarding', 'Week1', 'Weeks2To4', 'Weeks5To12', 'FinalAssessment')),
    MetricFromWeek    INTEGER NULL,
    MetricToWeek      INTEGER NULL,
    BaselineKind      TEXT    NOT NULL CHECK (BaselineKind IN ('BeforeStart', 'ControlTeams')),
    BaselineWeeks     INTEGER NULL,
    StartDate         TEXT    NOT NULL,
    OwnerId           INTEGER NOT NULL REFERENCES Users (Id),
    DecayShare        REAL    NOT NULL CHECK (DecayShare > 0 AND DecayShare < 1),
    ArmSeed           INTEGER NULL,
    State             TEXT    NOT NULL CHECK (State IN ('Active', 'Ended')),
    Version           INTEGER NOT NULL DEFAULT 1,
    CreatedAt         TEXT    NOT NULL,
    CreatedBy         TEXT    NOT NULL,
    UpdatedAt         TEXT    NOT NULL,
    UpdatedBy         TEXT    NOT NULL
);
CREATE INDEX IX_Initiatives_Issue ON Initiatives (IssueId);
CREATE INDEX IX_Initiatives_State ON Initiatives (State, StartDate);

-- The scope: the program versions or the cohorts the change applies to (one kind per initiative).
CREATE TABLE InitiativeVersions (
    InitiativeId     INTEGER NOT NULL REFERENCES Initiatives (Id),
    ProgramVersionId INTEGER NOT NULL REFERENCES ProgramVersions (Id),
    PRIMARY KEY (InitiativeId, ProgramVersionId)
);
CREATE INDEX IX_InitiativeVersions_Version ON InitiativeVersions (ProgramVersionId);

CREATE TABLE InitiativeCohorts (
    InitiativeId INTEGER NOT NULL REFERENCES Initiatives (Id),
    CohortId     INTEGER NOT NULL REFERENCES Cohorts (Id),
    PRIMARY KEY (InitiativeId, CohortId)
);

-- A team experiment's arms: each of the cohort's teams in treatment or control.
CREATE TABLE InitiativeTeams (
    InitiativeId INTEGER NOT NULL REFERENCES Initiatives (Id),
    TeamId       INTEGER NOT NULL REFERENCES Teams (Id),
    Arm          TEXT    NOT NULL CHECK (Arm IN ('Treatment', 'Control')),
    AssignedAt   TEXT    NOT NULL,
    PRIMARY KEY (InitiativeId, TeamId)
);
