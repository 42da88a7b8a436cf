-- Cohorts: one program version, one enrolment window (募集期間), one start day for everyone, and seats
-- drawn from one or several client contracts (joint cohorts of several insurers are common).

CREATE TABLE Cohorts (
    Id                INTEGER PRIMARY KEY AUTOINCREMENT,
    Name              TEXT    NOT NULL,
    ProgramVersionId  INTEGER NOT NULL REFERENCES ProgramVersions (Id),
    EnrolmentOpens    TEXT    NOT NULL,
    EnrolmentCloses   TEXT    NOT NULL,
    StartDate         TEXT    NOT NULL,
    Status            TEXT    NOT NULL CHECK (Status IN ('Planned', 'Enrolling', 'Running', 'Completed', 'Reported')),
    CsOwnerId         INTEGER NULL REFERENCES Users (Id),
    Version           INTEGER NOT NULL DEFAULT 1,
    CreatedAt         TEXT    NOT NULL,
    UpdatedAt         TEXT    NOT NULL,
    UpdatedBy         TEXT    NOT NULL,
    CHECK (EnrolmentCloses >= EnrolmentOpens),
    CHECK (StartDate >= EnrolmentCloses)
);
CREATE INDEX IX_Cohorts_StartDate ON Cohorts (StartDate);

CREATE TABLE CohortContracts (
    CohortId    INTEGER NOT NULL REFERENCES Cohorts (Id) ON DELETE CASCADE,
    ContractId  INTEGER NOT NULL REFERENCES Contracts (Id),
    Capacity    INTEGER NOT NULL CHECK (Capacity > 0),
    PRIMARY KEY (CohortId, ContractId)
);
CREATE INDEX IX_CohortContracts_ContractId ON CohortContracts (ContractId);
