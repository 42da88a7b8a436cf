-- The same as db/sqlite/0057_touch_model_follows_cs_type.sql, which explains the column. DbUp splits this script on GO.

ALTER TABLE Clients ADD TouchModelSetByHand BIT NOT NULL CONSTRAINT DF_Clients_TouchModelSetByHand DEFAULT 0;
GO

UPDATE Clients SET TouchModelSetByHand = 1
WHERE TouchModel <> CASE CsType WHEN 'MidTouch' THEN 'Low' ELSE 'High' END;
