-- Calls the events API refused, counted per API key. The same as db/sqlite/0046_api_key_rejections.sql, which explains
-- each column.

ALTER TABLE ApiKeys ADD
    RejectedCalls   INT            NOT NULL CONSTRAINT DF_ApiKeys_RejectedCalls DEFAULT 0,
    LastRejectedAt  DATETIMEOFFSET NULL,
    LastRejection   NVARCHAR(20)   NULL;
