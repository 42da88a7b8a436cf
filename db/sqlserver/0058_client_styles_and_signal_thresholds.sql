-- The same as db/sqlite/0058_client_styles_and_signal_thresholds.sql, which explains each change. DbUp splits this
-- script on GO.

ALTER TABLE Clients ADD CsStyles INT NOT NULL CONSTRAINT DF_Clients_CsStyles DEFAULT 0
    CONSTRAINT CK_Clients_CsStyles CHECK (CsStyles BETWEEN 0 AND 15);
GO

UPDATE Clients SET CsStyles = CASE CsStyle
    WHEN 'Consulting' THEN 1
    WHEN 'ProjectManagement' THEN 2
    WHEN 'TaskManagement' THEN 4
    WHEN 'RequiredAction' THEN 8
END;
ALTER TABLE Clients DROP CONSTRAINT CK_Clients_CsStyle;
ALTER TABLE Clients DROP COLUMN CsStyle;
GO

CREATE TABLE ClientSignalThresholds (
    Id                          INT            NOT NULL CONSTRAINT PK_ClientSignalThresholds PRIMARY KEY CONSTRAINT CK_ClientSignalThresholds_Id CHECK (Id = 1),
    HealthBelowEnterprise       INT            NOT NULL CONSTRAINT CK_ClientSignalThresholds_HealthEnterprise CHECK (HealthBelowEnterprise BETWEEN 1 AND 100),
    HealthBelowSmb              INT            NOT NULL CONSTRAINT CK_ClientSignalThresholds_HealthSmb CHECK (HealthBelowSmb BETWEEN 1 AND 100),
    SeatsNearlyUsedPercent      INT            NOT NULL CONSTRAINT CK_ClientSignalThresholds_Seats CHECK (SeatsNearlyUsedPercent BETWEEN 1 AND 100),
    UnderEnrolledBelowPercent   INT            NOT NULL CONSTRAINT CK_ClientSignalThresholds_Enrolled CHECK (UnderEnrolledBelowPercent BETWEEN 1 AND 100),
    ReportDueDaysAfterEnd       INT            NOT NULL CONSTRAINT CK_ClientSignalThresholds_ReportDue CHECK (ReportDueDaysAfterEnd BETWEEN 1 AND 365),
    Version                     INT            NOT NULL CONSTRAINT DF_ClientSignalThresholds_Version DEFAULT 1,
    UpdatedAt                   DATETIMEOFFSET NOT NULL,
    UpdatedBy                   NVARCHAR(100)  NOT NULL
);
INSERT INTO ClientSignalThresholds (Id, HealthBelowEnterprise, HealthBelowSmb, SeatsNearlyUsedPercent, UnderEnrolledBelowPercent,
                                    ReportDueDaysAfterEnd, Version, UpdatedAt, UpdatedBy)
VALUES (1, 60, 50, 90, 80, 21, 1, '2026-12-01T00:00:00+00:00', 'migration');
