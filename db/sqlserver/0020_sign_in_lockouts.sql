-- Wrong passwords are counted per (user, client address): five from one address lock that address out for a
-- while, not the account, so nobody outside can lock an administrator out at will (issue 17).
CREATE TABLE SignInLockouts (
    UserId        INT            NOT NULL CONSTRAINT FK_SignInLockouts_Users REFERENCES Users (Id) ON DELETE CASCADE,
    ClientAddress NVARCHAR(64)   NOT NULL,
    FailedCount   INT            NOT NULL CONSTRAINT DF_SignInLockouts_FailedCount DEFAULT 0
                                 CONSTRAINT CK_SignInLockouts_FailedCount CHECK (FailedCount >= 0),
    LockedUntil   DATETIMEOFFSET NULL,
    UpdatedAt     DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_SignInLockouts PRIMARY KEY (UserId, ClientAddress)
);
