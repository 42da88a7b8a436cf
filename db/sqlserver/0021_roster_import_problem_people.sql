-- A problem names the person (employee number and name, as far as the row says) and is a warning when the row is
-- kept without the optional value at fault.
ALTER TABLE RosterImportProblems ADD
    EmployeeNumber NVARCHAR(100) NULL,
    PersonName     NVARCHAR(100) NULL,
    IsWarning      BIT NOT NULL CONSTRAINT DF_RosterImportProblems_IsWarning DEFAULT 0
                   CONSTRAINT CK_RosterImportProblems_IsWarning CHECK (IsWarning IN (0, 1));
ALTER TABLE RosterImports ADD
    RowsWithWarnings INT NOT NULL CONSTRAINT DF_RosterImports_RowsWithWarnings DEFAULT 0
                     CONSTRAINT CK_RosterImports_RowsWithWarnings CHECK (RowsWithWarnings >= 0);
