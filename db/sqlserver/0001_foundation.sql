-- Foundation: staff users and roles, the audit log, data-protection keys, client organisations.

CREATE TABLE Users (
    Id                  INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Users PRIMARY KEY,
    UserName            NVARCHAR(100)  NOT NULL,
    DisplayName         NVARCHAR(200)  NOT NULL,
    Email               NVARCHAR(320)  NULL,
    PasswordHash        NVARCHAR(400)  NOT NULL,
    IsDisabled          BIT            NOT NULL CONSTRAINT DF_Users_IsDisabled DEFAULT 0,
    MustChangePassword  BIT            NOT NULL CONSTRAINT DF_Users_MustChangePassword DEFAULT 0,
    FailedSignInCount   INT            NOT NULL CONSTRAINT DF_Users_FailedSignInCount DEFAULT 0,
    LockoutEndsAt       DATETIMEOFFSET NULL,
    SecurityStamp       NVARCHAR(64)   NOT NULL,
    Version             INT            NOT NULL CONSTRAINT DF_Users_Version DEFAULT 1,
    CreatedAt           DATETIMEOFFSET NOT NULL,
    UpdatedAt           DATETIMEOFFSET NOT NULL,
    UpdatedBy           NVARCHAR(100)  NOT NULL
);
CREATE UNIQUE INDEX UX_Users_UserName ON Users (UserName);

CREATE TABLE UserRoles (
    UserId  INT          NOT NULL CONSTRAINT FK_UserRoles_Users REFERENCES Users (Id) ON DELETE CASCADE,
    Role    NVARCHAR(20) NOT NULL CONSTRAINT CK_UserRoles_Role CHECK (Role IN ('Admin', 'ProgramCS', 'BizDev', 'Viewer')),
    CONSTRAINT PK_UserRoles PRIMARY KEY (UserId, Role)
);

CREATE TABLE AuditLog (
    Id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_AuditLog PRIMARY KEY,
    OccurredAt  DATETIMEOFFSET NOT NULL,
    UserId      INT            NULL,
    UserName    NVARCHAR(100)  NOT NULL,
    EntityType  NVARCHAR(50)   NOT NULL,
    EntityId    NVARCHAR(50)   NOT NULL,
    Action      NVARCHAR(50)   NOT NULL,
    Summary     NVARCHAR(400)  NULL,
    Changes     NVARCHAR(MAX)  NULL
);
CREATE INDEX IX_AuditLog_Entity ON AuditLog (EntityType, EntityId, Id);
CREATE INDEX IX_AuditLog_OccurredAt ON AuditLog (OccurredAt);
CREATE INDEX IX_AuditLog_UserName ON AuditLog (UserName, Id);

-- One row per submitted create form, so a double-submitted form creates one record, not two.
CREATE TABLE FormSubmissions (
    Token       UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_FormSubmissions PRIMARY KEY,
    EntityType  NVARCHAR(50)     NOT NULL,
    EntityId    INT              NOT NULL,
    CreatedAt   DATETIMEOFFSET   NOT NULL
);

CREATE TABLE DataProtectionKeys (
    FriendlyName  NVARCHAR(200)  NOT NULL CONSTRAINT PK_DataProtectionKeys PRIMARY KEY,
    Xml           NVARCHAR(MAX)  NOT NULL,
    CreatedAt     DATETIMEOFFSET NOT NULL
);

CREATE TABLE Clients (
    Id                  INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Clients PRIMARY KEY,
    Name                NVARCHAR(200)  NOT NULL,
    NameKana            NVARCHAR(200)  NULL,
    Kind                NVARCHAR(30)   NOT NULL CONSTRAINT CK_Clients_Kind CHECK (Kind IN ('Employer', 'HealthInsuranceSociety', 'Other')),
    Segment             NVARCHAR(20)   NOT NULL CONSTRAINT CK_Clients_Segment CHECK (Segment IN ('Enterprise', 'Smb')),
    EligiblePopulation  INT            NOT NULL CONSTRAINT CK_Clients_EligiblePopulation CHECK (EligiblePopulation >= 0),
    CsType              NVARCHAR(30)   NOT NULL CONSTRAINT CK_Clients_CsType CHECK (CsType IN ('Onboarding', 'AccompanyUpsell', 'AccompanyRoi', 'MidTouch')),
    CsStyle             NVARCHAR(30)   NOT NULL CONSTRAINT CK_Clients_CsStyle CHECK (CsStyle IN ('Consulting', 'ProjectManagement', 'TaskManagement', 'RequiredAction')),
    TouchModel          NVARCHAR(10)   NOT NULL CONSTRAINT CK_Clients_TouchModel CHECK (TouchModel IN ('High', 'Low', 'Tech')),
    CsOwnerId           INT            NULL CONSTRAINT FK_Clients_CsOwner REFERENCES Users (Id),
    BizDevOwnerId       INT            NULL CONSTRAINT FK_Clients_BizDevOwner REFERENCES Users (Id),
    ParentClientId      INT            NULL CONSTRAINT FK_Clients_Parent REFERENCES Clients (Id),
    Notes               NVARCHAR(MAX)  NULL,
    IsArchived          BIT            NOT NULL CONSTRAINT DF_Clients_IsArchived DEFAULT 0,
    Version             INT            NOT NULL CONSTRAINT DF_Clients_Version DEFAULT 1,
    CreatedAt           DATETIMEOFFSET NOT NULL,
    UpdatedAt           DATETIMEOFFSET NOT NULL,
    UpdatedBy           NVARCHAR(100)  NOT NULL
);
CREATE INDEX IX_Clients_Name ON Clients (Name);
CREATE INDEX IX_Clients_CsOwnerId ON Clients (CsOwnerId);
CREATE INDEX IX_Clients_BizDevOwnerId ON Clients (BizDevOwnerId);
CREATE INDEX IX_Clients_ParentClientId ON Clients (ParentClientId);

CREATE TABLE KeyPersons (
    Id          INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_KeyPersons PRIMARY KEY,
    ClientId    INT            NOT NULL CONSTRAINT FK_KeyPersons_Clients REFERENCES Clients (Id) ON DELETE CASCADE,
    Name        NVARCHAR(200)  NOT NULL,
    Title       NVARCHAR(200)  NULL,
    Role        NVARCHAR(20)   NOT NULL CONSTRAINT CK_KeyPersons_Role CHECK (Role IN ('DecisionMaker', 'HealthContact', 'Champion', 'Other')),
    Email       NVARCHAR(320)  NULL,
    Phone       NVARCHAR(40)   NULL,
    Version     INT            NOT NULL CONSTRAINT DF_KeyPersons_Version DEFAULT 1,
    CreatedAt   DATETIMEOFFSET NOT NULL,
    UpdatedAt   DATETIMEOFFSET NOT NULL,
    UpdatedBy   NVARCHAR(100)  NOT NULL
);
CREATE INDEX IX_KeyPersons_ClientId ON KeyPersons (ClientId);

CREATE TABLE Contracts (
    Id               INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Contracts PRIMARY KEY,
    ClientId         INT            NOT NULL CONSTRAINT FK_Contracts_Clients REFERENCES Clients (Id),
    ProgramName      NVARCHAR(200)  NOT NULL,
    Seats            INT            NOT NULL CONSTRAINT CK_Contracts_Seats CHECK (Seats > 0),
    PricePerSeatJpy  INT            NOT NULL CONSTRAINT CK_Contracts_Price CHECK (PricePerSeatJpy >= 0),
    StartDate        DATE           NOT NULL,
    EndDate          DATE           NOT NULL,
    AutoRenew        BIT            NOT NULL CONSTRAINT DF_Contracts_AutoRenew DEFAULT 0,
    Status           NVARCHAR(20)   NOT NULL CONSTRAINT CK_Contracts_Status CHECK (Status IN ('Draft', 'Active', 'Ended', 'Cancelled')),
    Version          INT            NOT NULL CONSTRAINT DF_Contracts_Version DEFAULT 1,
    CreatedAt        DATETIMEOFFSET NOT NULL,
    UpdatedAt        DATETIMEOFFSET NOT NULL,
    UpdatedBy        NVARCHAR(100)  NOT NULL,
    CONSTRAINT CK_Contracts_Period CHECK (EndDate >= StartDate)
);
CREATE INDEX IX_Contracts_ClientId ON Contracts (ClientId, EndDate);
CREATE INDEX IX_Contracts_EndDate ON Contracts (EndDate);
