-- db/sqlite/0030_reporting_participants_cheaper.sql makes SQLite's ReportingParticipants cheaper per row. SQL Server's
-- view needs no change: its OUTER APPLY applies the "dropped out or withdrew" condition before it seeks the latest
-- transition, and DATEDIFF works on its date types directly. This script keeps the two dialects' histories in step.
PRINT 'ReportingParticipants: unchanged on SQL Server';
