-- Wrong passwords are counted per (user, client address): five from one address lock that address out for a
-- while, not the account, so nobody outside can lock an administrator out at will (issue 17).
CREATE TABLE SignInLockouts (
    UserId        INTEGER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    ClientAddress TEXT    NOT NULL,
    FailedCount   INTEGER NOT NULL DEFAULT 0 CHECK (FailedCount >= 0),
    LockedUntil   TEXT    NULL,
    UpdatedAt     TEXT    NOT NULL,
    PRIMARY KEY (UserId, ClientAddress)
);
