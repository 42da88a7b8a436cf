-- The client portal (issue 14): people of a client (HR, a 健保's staff) who sign in to see their own cohorts' aggregate
-- progress and issued reports. A separate kind of account from staff: bound to one client, its own cookie scheme.
-- PasswordHash is NULL until the invitation is accepted; MayHoldCodes is staff's choice of who may download the
-- invitation letters of their cohorts.
CREATE TABLE PortalUsers (
    Id            INTEGER PRIMARY KEY AUTOINCREMENT,
    ClientId      INTEGER NOT NULL REFERENCES Clients (Id),
    Email         TEXT    NOT NULL COLLATE NOCASE,
    DisplayName   TEXT    NOT NULL,
    PasswordHash  TEXT    NULL,
    IsDisabled    INTEGER NOT NULL DEFAULT 0 CHECK (IsDisabled IN (0, 1)),
    MayHoldCodes  INTEGER NOT NULL DEFAULT 0 CHECK (MayHoldCodes IN (0, 1)),
    SecurityStamp TEXT    NOT NULL,
    Version       INTEGER NOT NULL DEFAULT 1,
    CreatedAt     TEXT    NOT NULL,
    UpdatedAt     TEXT    NOT NULL,
    UpdatedBy     TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_PortalUsers_Email ON PortalUsers (Email);
CREATE INDEX IX_PortalUsers_Client ON PortalUsers (ClientId, Id);

-- A single-use link that sets the password: only the SHA-256 of its token is stored, so the table cannot be used to sign in.
CREATE TABLE PortalInvitations (
    Id            INTEGER PRIMARY KEY AUTOINCREMENT,
    PortalUserId  INTEGER NOT NULL REFERENCES PortalUsers (Id),
    TokenHash     TEXT    NOT NULL,
    ExpiresAt     TEXT    NOT NULL,
    UsedAt        TEXT    NULL,
    CreatedAt     TEXT    NOT NULL,
    CreatedBy     TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_PortalInvitations_TokenHash ON PortalInvitations (TokenHash);
CREATE INDEX IX_PortalInvitations_User ON PortalInvitations (PortalUserId, Id);

-- Wrong passwords per (portal user, client address), counted by the staff lockout rule (LockoutPolicy).
CREATE TABLE PortalSignInLockouts (
    PortalUserId  INTEGER NOT NULL REFERENCES PortalUsers (Id),
    ClientAddress TEXT    NOT NULL,
    FailedCount   INTEGER NOT NULL DEFAULT 0 CHECK (FailedCount >= 0),
    LockedUntil   TEXT    NULL,
    UpdatedAt     TEXT    NOT NULL,
    PRIMARY KEY (PortalUserId, ClientAddress)
);
