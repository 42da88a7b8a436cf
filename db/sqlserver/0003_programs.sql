-- Program catalogue: each program has numbered versions; a version's definition (JSON, see
-- ProgramDefinitionJson) is editable while Draft and frozen once Published. Cohorts will point at a version.

CREATE TABLE Programs (
    Id          INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Programs PRIMARY KEY,
    Code        NVARCHAR(40)   NOT NULL,
    CreatedAt   DATETIMEOFFSET NOT NULL,
    CreatedBy   NVARCHAR(100)  NOT NULL
);
CREATE UNIQUE INDEX UX_Programs_Code ON Programs (Code);

CREATE TABLE ProgramVersions (
    Id             INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_ProgramVersions PRIMARY KEY,
    ProgramId      INT            NOT NULL CONSTRAINT FK_ProgramVersions_Programs REFERENCES Programs (Id),
    VersionNumber  INT            NOT NULL,
    Status         NVARCHAR(20)   NOT NULL CONSTRAINT CK_ProgramVersions_Status CHECK (Status IN ('Draft', 'Published', 'Retired')),
    Definition     NVARCHAR(MAX)  NOT NULL,
    PublishedAt    DATETIMEOFFSET NULL,
    PublishedBy    NVARCHAR(100)  NULL,
    Version        INT            NOT NULL CONSTRAINT DF_ProgramVersions_Version DEFAULT 1,
    CreatedAt      DATETIMEOFFSET NOT NULL,
    UpdatedAt      DATETIMEOFFSET NOT NULL,
    UpdatedBy      NVARCHAR(100)  NOT NULL
);
CREATE UNIQUE INDEX UX_ProgramVersions_Number ON ProgramVersions (ProgramId, VersionNumber);
