-- Foundation: staff users and roles, the audit log, data-protection keys, client organisations.
-- Timestamps are UTC ISO-8601 text; dates are 'yyyy-MM-dd' text (see DbTypeHandlers).

CREATE TABLE Users (
    Id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    UserName            TEXT    NOT NULL COLLATE NOCASE,
    DisplayName         TEXT    NOT NULL,
    Email               TEXT    NULL,
    PasswordHash        TEXT    NOT NULL,
    IsDisabled          INTEGER NOT NULL DEFAULT 0,
    MustChangePassword  INTEGER NOT NULL DEFAULT 0,
    FailedSignInCount   INTEGER NOT NULL DEFAULT 0,
    LockoutEndsAt       TEXT    NULL,
    SecurityStamp       TEXT    NOT NULL,
    Version             INTEGER NOT NULL DEFAULT 1,
    CreatedAt           TEXT    NOT NULL,
    UpdatedAt           TEXT    NOT NULL,
    UpdatedBy           TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_Users_UserName ON Users (UserName);

CREATE TABLE UserRoles (
    UserId  INTEGER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    Role    TEXT    NOT NULL CHECK (Role IN ('Admin', 'ProgramCS', 'BizDev', 'Viewer')),
    PRIMARY KEY (UserId, Role)
);

CREATE TABLE AuditLog (
    Id          INTEGER PRIMARY KEY AUTOINCREMENT,
    OccurredAt  TEXT    NOT NULL,
    UserId      INTEGER NULL,
    UserName    TEXT    NOT NULL,
    EntityType  TEXT    NOT NULL,
    EntityId    TEXT    NOT NULL,
    Action      TEXT    NOT NULL,
    Summary     TEXT    NULL,
    Changes     TEXT    NULL
);
CREATE INDEX IX_AuditLog_Entity ON AuditLog (EntityType, EntityId, Id);
CREATE INDEX IX_AuditLog_OccurredAt ON AuditLog (OccurredAt);
CREATE INDEX IX_AuditLog_UserName ON AuditLog (UserName, Id);

-- One row per submitted create form, so a double-submitted form creates one record, not two.
CREATE TABLE FormSubmissions (
    Token       TEXT    NOT NULL PRIMARY KEY,
    EntityType  TEXT    NOT NULL,
    EntityId    INTEGER NOT NULL,
    CreatedAt   TEXT    NOT NULL
);

CREATE TABLE DataProtectionKeys (
    FriendlyName  TEXT NOT NULL PRIMARY KEY,
    Xml           TEXT NOT NULL,
    CreatedAt     TEXT NOT NULL
);

CREATE TABLE Clients (
    Id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    Name                TEXT    NOT NULL,
    NameKana            TEXT    NULL,
    Kind                TEXT    NOT NULL CHECK (Kind IN ('Employer', 'HealthInsuranceSociety', 'Other')),
    Segment             TEXT    NOT NULL CHECK (Segment IN ('Enterprise', 'Smb')),
    EligiblePopulation  INTEGER NOT NULL CHECK (EligiblePopulation >= 0),
    CsType              TEXT    NOT NULL CHECK (CsType IN ('Onboarding', 'AccompanyUpsell', 'AccompanyRoi', 'MidTouch')),
    CsStyle             TEXT    NOT NULL CHECK (CsStyle IN ('Consulting', 'ProjectManagement', 'TaskManagement', 'RequiredAction')),
    TouchModel          TEXT    NOT NULL CHECK (TouchModel IN ('High', 'Low', 'Tech')),
    CsOwnerId           INTEGER NULL REFERENCES Users (Id),
    BizDevOwnerId       INTEGER NULL REFERENCES Users (Id),
    ParentClientId      INTEGER NULL REFERENCES Clients (Id),
    Notes               TEXT    NULL,
    IsArchived          INTEGER NOT NULL DEFAULT 0,
    Version             INTEGER NOT NULL DEFAULT 1,
    CreatedAt           TEXT    NOT NULL,
    UpdatedAt           TEXT    NOT NULL,
    UpdatedBy           TEXT    NOT NULL
);
CREATE INDEX IX_Clients_Name ON Clients (Name);
CREATE INDEX IX_Clients_CsOwnerId ON Clients (CsOwnerId);
CREATE INDEX IX_Clients_BizDevOwnerId ON Clients (BizDevOwnerId);
CREATE INDEX IX_Clients_ParentClientId ON Clients (ParentClientId);

CREATE TABLE KeyPersons (
    Id          INTEGER PRIMARY KEY AUTOINCREMENT,
    ClientId    INTEGER NOT NULL REFERENCES Clients (Id) ON DELETE CASCADE,
    Name        TEXT    NOT NULL,
    Title       TEXT    NULL,
    Role        TEXT    NOT NULL CHECK (Role IN ('DecisionMaker', 'HealthContact', 'Champion', 'Other')),
    Email       TEXT    NULL,
    Phone       TEXT    NULL,
    Version     INTEGER NOT NULL DEFAULT 1,
    CreatedAt   TEXT    NOT NULL,
    UpdatedAt   TEXT    NOT NULL,
    UpdatedBy   TEXT    NOT NULL
);
CREATE INDEX IX_KeyPersons_ClientId ON KeyPersons (ClientId);

CREATE TABLE Contracts (
    Id               INTEGER PRIMARY KEY AUTOINCREMENT,
    ClientId         INTEGER NOT NULL REFERENCES Clients (Id),
    ProgramName      TEXT    NOT NULL,
    Seats            INTEGER NOT NULL CHECK (Seats > 0),
    PricePerSeatJpy  INTEGER NOT NULL CHECK (PricePerSeatJpy >= 0),
    StartDate        TEXT    NOT NULL,
    EndDate          TEXT    NOT NULL,
    AutoRenew        INTEGER NOT NULL DEFAULT 0,
    Status           TEXT    NOT NULL CHECK (Status IN ('Draft', 'Active', 'Ended', 'Cancelled')),
    Version          INTEGER NOT NULL DEFAULT 1,
    CreatedAt        TEXT    NOT NULL,
    UpdatedAt        TEXT    NOT NULL,
    UpdatedBy        TEXT    NOT NULL,
    CHECK (EndDate >= StartDate)
);
CREATE INDEX IX_Contracts_ClientId ON Contracts (ClientId, EndDate);
CREATE INDEX IX_Contracts_EndDate ON Contracts (EndDate);
