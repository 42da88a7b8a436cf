-- A problem names the person (employee number and name, as far as the row says) and is a warning when the row is
-- kept without the optional value at fault.
ALTER TABLE RosterImportProblems ADD COLUMN EmployeeNumber TEXT NULL;
ALTER TABLE RosterImportProblems ADD COLUMN PersonName TEXT NULL;
ALTER TABLE RosterImportProblems ADD COLUMN IsWarning INTEGER NOT NULL DEFAULT 0 CHECK (IsWarning IN (0, 1));
ALTER TABLE RosterImports ADD COLUMN RowsWithWarnings INTEGER NOT NULL DEFAULT 0 CHECK (RowsWithWarnings >= 0);
