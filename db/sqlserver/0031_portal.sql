-- The client portal (issue 14): people of a client (HR, a 健保's staff) who sign in to see their own cohorts' aggregate
-- progress and issued reports. A separate kind of account from staff: bound to one client, its own cookie scheme.
-- PasswordHash is NULL until the invitation is accepted; MayHoldCodes is staff's choice of who may download the
-- invitation letters of their cohorts.
CREATE TABLE PortalUsers (
    Id            INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_PortalUsers PRIMARY KEY,
    ClientId      INT            NOT NULL CONSTRAINT FK_PortalUsers_Clients REFERENCES Clients (Id),
    Email         NVARCHAR(254)  NOT NULL,
    DisplayName   NVARCHAR(200)  NOT NULL,
    PasswordHash  NVARCHAR(400)  NULL,
    IsDisabled    BIT            NOT NULL CONSTRAINT DF_PortalUsers_IsDisabled DEFAULT 0
                                 CONSTRAINT CK_PortalUsers_IsDisabled CHECK (IsDisabled IN (0, 1)),
    MayHoldCodes  BIT            NOT NULL CONSTRAINT DF_PortalUsers_MayHoldCodes DEFAULT 0
                                 CONSTRAINT CK_PortalUsers_MayHoldCodes CHECK (MayHoldCodes IN (0, 1)),
    SecurityStamp NVARCHAR(64)   NOT NULL,
    Version       INT            NOT NULL CONSTRAINT DF_PortalUsers_Version DEFAULT 1,
    CreatedAt     DATETIMEOFFSET NOT NULL,
    UpdatedAt     DATETIMEOFFSET NOT NULL,
    UpdatedBy     NVARCHAR(100)  NOT NULL
);
CREATE UNIQUE INDEX UX_PortalUsers_Email ON PortalUsers (Email);
CREATE INDEX IX_PortalUsers_Client ON PortalUsers (ClientId, Id);

-- A single-use link that sets the password: only the SHA-256 of its token is stored, so the table cannot be used to sign in.
CREATE TABLE PortalInvitations (
    Id            INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_PortalInvitations PRIMARY KEY,
    PortalUserId  INT            NOT NULL CONSTRAINT FK_PortalInvitations_PortalUsers REFERENCES PortalUsers (Id),
    TokenHash     NVARCHAR(64)   NOT NULL,
    ExpiresAt     DATETIMEOFFSET NOT NULL,
    UsedAt        DATETIMEOFFSET NULL,
    CreatedAt     DATETIMEOFFSET NOT NULL,
    CreatedBy     NVARCHAR(100)  NOT NULL
);
CREATE UNIQUE INDEX UX_PortalInvitations_TokenHash ON PortalInvitations (TokenHash);
CREATE INDEX IX_PortalInvitations_User ON PortalInvitations (PortalUserId, Id);

-- Wrong passwords per (portal user, client address), counted by the staff lockout rule (LockoutPolicy).
CREATE TABLE PortalSignInLockouts (
    PortalUserId  INT            NOT NULL CONSTRAINT FK_PortalSignInLockouts_PortalUsers REFERENCES PortalUsers (Id),
    ClientAddress NVARCHAR(64)   NOT NULL,
    FailedCount   INT            NOT NULL CONSTRAINT DF_PortalSignInLockouts_FailedCount DEFAULT 0
                                 CONSTRAINT CK_PortalSignInLockouts_FailedCount CHECK (FailedCount >= 0),
    LockedUntil   DATETIMEOFFSET NULL,
    UpdatedAt     DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_PortalSignInLockouts PRIMARY KEY (PortalUserId, ClientAddress)
);
