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
