-- Account plans for high-touch clients (style α, issue 12): the client's goals, success criteria and review dates, with
-- the key persons who hold a stake in them.
CREATE TABLE AccountPlans (
    ClientId         INTEGER PRIMARY KEY REFERENCES Clients (Id) ON DELETE CASCADE,
    Goals            TEXT    NOT NULL,
    SuccessCriteria  TEXT    NULL,
    LastReviewedOn   TEXT    NULL,
    NextReviewOn     TEXT    NULL,
    Version          INTEGER NOT NULL DEFAULT 1,
    CreatedAt        TEXT    NOT NULL,
    UpdatedAt        TEXT    NOT NULL,
    UpdatedBy        TEXT    NOT NULL
);

CREATE TABLE AccountPlanStakeholders (
    ClientId     INTEGER NOT NULL REFERENCES AccountPlans (ClientId) ON DELETE CASCADE,
    KeyPersonId  INTEGER NOT NULL REFERENCES KeyPersons (Id),
    PRIMARY KEY (ClientId, KeyPersonId)
);
CREATE INDEX IX_AccountPlanStakeholders_KeyPerson ON AccountPlanStakeholders (KeyPersonId);

-- Where each contract's renewal stands in BizDev's pipeline; a contract without a row has not been started. Every change
-- of stage is kept, so the pipeline shows what changed since last week.
CREATE TABLE ContractRenewals (
    ContractId  INTEGER PRIMARY KEY REFERENCES Contracts (Id) ON DELETE CASCADE,
    Stage       TEXT    NOT NULL CHECK (Stage IN ('NotStarted', 'InTalks', 'Committed', 'AtRisk', 'Lost', 'Renewed')),
    Version     INTEGER NOT NULL DEFAULT 1,
    UpdatedAt   TEXT    NOT NULL,
    UpdatedBy   TEXT    NOT NULL
);
CREATE INDEX IX_ContractRenewals_Stage ON ContractRenewals (Stage);

CREATE TABLE ContractRenewalStageChanges (
    Id          INTEGER PRIMARY KEY AUTOINCREMENT,
    ContractId  INTEGER NOT NULL REFERENCES Contracts (Id) ON DELETE CASCADE,
    FromStage   TEXT    NOT NULL CHECK (FromStage IN ('NotStarted', 'InTalks', 'Committed', 'AtRisk', 'Lost', 'Renewed')),
    ToStage     TEXT    NOT NULL CHECK (ToStage IN ('NotStarted', 'InTalks', 'Committed', 'AtRisk', 'Lost', 'Renewed')),
    ChangedAt   TEXT    NOT NULL,
    ChangedBy   TEXT    NOT NULL
);
CREATE INDEX IX_ContractRenewalStageChanges_ChangedAt ON ContractRenewalStageChanges (ChangedAt, ContractId);
