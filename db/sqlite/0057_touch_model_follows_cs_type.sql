-- A client's touch model follows its CS type (types 1-3 high touch, 4 mid-touch = low touch; TouchModels.cs) unless
-- staff set it by hand (issue 12). TouchModel keeps the effective model, so every reader reads one column; the console
-- derives it on each save while TouchModelSetByHand is 0. Clients saved before this script count as set by hand only
-- where their model differs from the one their type implies.
ALTER TABLE Clients ADD COLUMN TouchModelSetByHand INTEGER NOT NULL DEFAULT 0;
UPDATE Clients SET TouchModelSetByHand = 1
WHERE TouchModel <> CASE CsType WHEN 'MidTouch' THEN 'Low' ELSE 'High' END;
