-- A client may use several CS styles (issue 12: seed 004 pairs β with γ). CsStyles holds the set, one bit per style
-- (1 consulting α, 2 project management β, 4 task management γ, 8 required action δ; CsStyleSet.cs): the set is saved
-- with the client's row under its version, and the list filters it with one test of the column. The form asks for at
-- least one style; 0 stays possible for rows loaded without one. Each client keeps the single style it had.
ALTER TABLE Clients ADD COLUMN CsStyles INTEGER NOT NULL DEFAULT 0 CHECK (CsStyles BETWEEN 0 AND 15);
UPDATE Clients SET CsStyles = CASE CsStyle
    WHEN 'Consulting' THEN 1
    WHEN 'ProjectManagement' THEN 2
    WHEN 'TaskManagement' THEN 4
    WHEN 'RequiredAction' THEN 8
END;
ALTER TABLE Clients DROP COLUMN CsStyle;
