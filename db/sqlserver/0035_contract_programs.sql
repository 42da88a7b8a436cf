-- A contract is for one program (issue 12): a reference instead of the free-text ProgramName, which stays as the name
-- the contract was written with. Existing rows are matched to a program by name at start (ContractProgramMatching:
-- trimmed, width-folded (NFKC) and case-blind, which neither dialect's SQL can do); a contract left without a program is
-- flagged for a person to choose one, and no cohort draws seats from it until then.
ALTER TABLE Contracts ADD ProgramId INT NULL CONSTRAINT FK_Contracts_Programs REFERENCES Programs (Id);
CREATE INDEX IX_Contracts_ProgramId ON Contracts (ProgramId);
