-- Client-level required actions (style δ: health low, no decision maker, no touch, seats nearly used, a cohort
-- under-enrolled, a report due) and playbook tasks (issue 12) are new kinds of CS action.
ALTER TABLE CsActions DROP CONSTRAINT CK_CsActions_Kind;
ALTER TABLE CsActions ADD CONSTRAINT CK_CsActions_Kind CHECK (Kind IN ('ParticipantAtRisk', 'TeamBelowMinimum', 'ShipmentProblem', 'ContractRenewal',
                                                                      'ClientHealthLow', 'NoDecisionMaker', 'NoRecentTouch', 'SeatsNearlyUsed',
                                                                      'CohortUnderEnrolled', 'ReportDue', 'PlaybookTask'));
-- The client page's open actions and the client jobs' reconciling read a client's actions.
CREATE INDEX IX_CsActions_Client ON CsActions (ClientId, Status);
-- A playbook task is created once ever, whatever became of it: the job looks its condition up in every status.
CREATE INDEX IX_CsActions_Condition ON CsActions (ConditionKey);
