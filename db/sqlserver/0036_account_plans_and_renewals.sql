-- Account plans for high-touch clients (style α, issue 12): the client's goals, success criteria and review dates, with
-- the key persons who hold a stake in them.
CREATE TABLE AccountPlans (
    ClientId         INT            NOT NULL CONSTRAINT PK_AccountPlans PRIMARY KEY CONSTRAINT FK_AccountPlans_Clients REFERENCES Clients (Id) ON DELETE CASCADE,
    Goals            NVARCHAR(4000) NOT NULL,
    SuccessCriteria  NVARCHAR(4000) NULL,
    LastReviewedOn   DATE           NULL,
    NextReviewOn     DATE           NULL,
    Version          INT            NOT NULL CONSTRAINT DF_AccountPlans_Version DEFAULT 1,
    CreatedAt        DATETIMEOFFSET NOT NULL,
    UpdatedAt        DATETIMEOFFSET NOT NULL,
    UpdatedBy        NVARCHAR(100)  NOT NULL
);

-- No cascade from KeyPersons: SQL Server refuses a second cascade path from Clients (a removed person is taken off first).
CREATE TABLE AccountPlanStakeholders (
    ClientId     INT NOT NULL CONSTRAINT FK_AccountPlanStakeholders_Plans REFERENCES AccountPlans (ClientId) ON DELETE CASCADE,
    KeyPersonId  INT NOT NULL CONSTRAINT FK_AccountPlanStakeholders_KeyPersons REFERENCES KeyPersons (Id),
    CONSTRAINT PK_AccountPlanStakeholders PRIMARY KEY (ClientId, KeyPersonId)
);
CREATE INDEX IX_AccountPlanStakeholders_KeyPerson ON AccountPlanStakeholders (KeyPersonId);

-- Where each contract's renewal stands in BizDev's pipeline; a contract without a row has not been started. Every change
-- of stage is kept, so the pipeline shows what changed since last week.
CREATE TABLE ContractRenewals (
    ContractId  INT            NOT NULL CONSTRAINT PK_ContractRenewals PRIMARY KEY CONSTRAINT FK_ContractRenewals_Contracts REFERENCES Contracts (Id) ON DELETE CASCADE,
    Stage       NVARCHAR(20)   NOT NULL CONSTRAINT CK_ContractRenewals_Stage CHECK (Stage IN ('NotStarted', 'InTalks', 'Committed', 'AtRisk', 'Lost', 'Renewed')),
    Version     INT            NOT NULL CONSTRAINT DF_ContractRenewals_Version DEFAULT 1,
    UpdatedAt   DATETIMEOFFSET NOT NULL,
    UpdatedBy   NVARCHAR(100)  NOT NULL
);
CREATE INDEX IX_ContractRenewals_Stage ON ContractRenewals (Stage);

CREATE TABLE ContractRenewalStageChanges (
    Id          INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_ContractRenewalStageChanges PRIMARY KEY,
    ContractId  INT            NOT NULL CONSTRAINT FK_ContractRenewalStageChanges_Contracts REFERENCES Contracts (Id) ON DELETE CASCADE,
    FromStage   NVARCHAR(20)   NOT NULL CONSTRAINT CK_ContractRenewalStageChanges_From CHECK (FromStage IN ('NotStarted', 'InTalks', 'Committed', 'AtRisk', 'Lost', 'Renewed')),
    ToStage     NVARCHAR(20)   NOT NULL CONSTRAINT CK_ContractRenewalStageChanges_To CHECK (ToStage IN ('NotStarted', 'InTalks', 'Committed', 'AtRisk', 'Lost', 'Renewed')),
    ChangedAt   DATETIMEOFFSET NOT NULL,
    ChangedBy   NVARCHAR(100)  NOT NULL
);
CREATE INDEX IX_ContractRenewalStageChanges_ChangedAt ON ContractRenewalStageChanges (ChangedAt, ContractId);
