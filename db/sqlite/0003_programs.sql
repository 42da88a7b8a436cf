-- Program catalogue: each program has numbered versions; a version's definition (JSON, see
-- ProgramDefinitionJson) is editable while Draft and frozen once Published. Cohorts will point at a version.

CREATE TABLE Programs (
    Id          INTEGER PRIMARY KEY AUTOINCREMENT,
    Code        TEXT    NOT NULL,
    CreatedAt   TEXT    NOT NULL,
    CreatedBy   TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_Programs_Code ON Programs (Code);

CREATE TABLE ProgramVersions (
    Id             INTEGER PRIMARY KEY AUTOINCREMENT,
    ProgramId      INTEGER NOT NULL REFERENCES Programs (Id),
    VersionNumber  INTEGER NOT NULL,
    Status         TEXT    NOT NULL CHECK (Status IN ('Draft', 'Published', 'Retired')),
    Definition     TEXT    NOT NULL,
    PublishedAt    TEXT    NULL,
    PublishedBy    TEXT    NULL,
    Version        INTEGER NOT NULL DEFAULT 1,
    CreatedAt      TEXT    NOT NULL,
    UpdatedAt      TEXT    NOT NULL,
    UpdatedBy      TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_ProgramVersions_Number ON ProgramVersions (ProgramId, VersionNumber);
