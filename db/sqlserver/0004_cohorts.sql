-- Cohorts: one program version, one enrolment window (募集期間), one start day for everyone, and seats
-- drawn from one or several client contracts (joint cohorts of several insurers are common).

CREATE TABLE Cohorts (
    Id                INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Cohorts PRIMARY KEY,
    Name              NVARCHAR(200)  NOT NULL,
    ProgramVersionId  INT            NOT NULL CONSTRAINT FK_Cohorts_ProgramVersions REFERENCES ProgramVersions (Id),
    EnrolmentOpens    DATE           NOT NULL,
    EnrolmentCloses   DATE           NOT NULL,
    StartDate         DATE           NOT NULL,
    Status            NVARCHAR(20)   NOT NULL CONSTRAINT CK_Cohorts_Status CHECK (Status IN ('Planned', 'Enrolling', 'Running', 'Completed', 'Reported')),
    CsOwnerId         INT            NULL CONSTRAINT FK_Cohorts_CsOwner REFERENCES Users (Id),
    Version           INT            NOT NULL CONSTRAINT DF_Cohorts_Version DEFAULT 1,
    CreatedAt         DATETIMEOFFSET NOT NULL,
    UpdatedAt         DATETIMEOFFSET NOT NULL,
    UpdatedBy         NVARCHAR(100)  NOT NULL,
    CONSTRAINT CK_Cohorts_Window CHECK (EnrolmentCloses >= EnrolmentOpens),
    CONSTRAINT CK_Cohorts_Start CHECK (StartDate >= EnrolmentCloses)
);
CREATE INDEX IX_Cohorts_StartDate ON Cohorts (StartDate);

CREATE TABLE CohortContracts (
    CohortId    INT NOT NULL CONSTRAINT FK_CohortContracts_Cohorts REFERENCES Cohorts (Id) ON DELETE CASCADE,
    ContractId  INT NOT NULL CONSTRAINT FK_CohortContracts_Contracts REFERENCES Contracts (Id),
    Capacity    INT NOT NULL CONSTRAINT CK_CohortContracts_Capacity CHECK (Capacity > 0),
    CONSTRAINT PK_CohortContracts PRIMARY KEY (CohortId, ContractId)
);
CREATE INDEX IX_CohortContracts_ContractId ON CohortContracts (ContractId);
