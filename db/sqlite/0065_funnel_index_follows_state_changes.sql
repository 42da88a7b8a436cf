-- Issue 18: a state change or a new check-in week moves the participant's entry in IX_Participants_Funnel (0060). Its
-- key went on from the check-in map by client, team and department, so the entries that an event batch or a daily job
-- moves lay on about as many pages as it moved people, and each of those pages is written at commit: a batch of 500 app
-- links wrote 276 pages, and 500 check-ins 144. Ordered by participant after the check-in map, people who sit together
-- elsewhere (a roster's rows, a job's slice) sit together here too: 147 and 103 pages.
-- The funnel still finds its groups in index order (cohort, state, check-in map, as 0060 says). Client, team, department
-- and the time of the state change stay in the index, so it still covers the funnel's reads; the leavers' last
-- transitions are now looked up in participant order, which is the order of their index.
DROP INDEX IX_Participants_Funnel;
CREATE INDEX IX_Participants_Funnel ON Participants (CohortId, State, CheckInWeeks, Id, ClientId, TeamId, Department, StateChangedAt);
