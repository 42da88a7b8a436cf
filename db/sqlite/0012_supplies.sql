-- Supplies: the kits and refills each enrolled participant is sent (week 0 at enrolment, then the program's
-- shipment weeks), the files exported to the fulfilment partner, and the link from a shipment problem's CS action.

CREATE TABLE ShipmentExports (
    Id             INTEGER PRIMARY KEY AUTOINCREMENT,
    CohortId       INTEGER NULL REFERENCES Cohorts (Id),
    ShipmentCount  INTEGER NOT NULL,
    CreatedAt      TEXT    NOT NULL,
    CreatedBy      TEXT    NOT NULL
);

CREATE TABLE Shipments (
    Id              INTEGER PRIMARY KEY AUTOINCREMENT,
    ParticipantId   INTEGER NOT NULL REFERENCES Participants (Id),
    CohortId        INTEGER NOT NULL REFERENCES Cohorts (Id),
    Week            INTEGER NOT NULL,
    Item            TEXT    NOT NULL,
    DueOn           TEXT    NOT NULL,
    Status          TEXT    NOT NULL CHECK (Status IN ('Due', 'Exported', 'Shipped', 'Delivered', 'Returned', 'AddressProblem')),
    ExportId        INTEGER NULL REFERENCES ShipmentExports (Id),
    ExportedOn      TEXT    NULL,
    TrackingNumber  TEXT    NULL,
    ShippedOn       TEXT    NULL,
    DeliveredOn     TEXT    NULL,
    ProblemNote     TEXT    NULL,
    Version         INTEGER NOT NULL DEFAULT 1,
    CreatedAt       TEXT    NOT NULL,
    UpdatedAt       TEXT    NOT NULL,
    UpdatedBy       TEXT    NOT NULL
);
-- One shipment per participant and program week: the job inserts only what is missing.
CREATE UNIQUE INDEX UX_Shipments_ParticipantWeek ON Shipments (ParticipantId, Week);
-- The list by cohort and status, the export of a cohort's due shipments, the job's overdue checks.
CREATE INDEX IX_Shipments_CohortStatus ON Shipments (CohortId, Status, DueOn);
CREATE INDEX IX_Shipments_StatusDue ON Shipments (Status, DueOn);

-- The shipments each export file held, so a past file can be made again with the same rows even after a
-- shipment was re-sent in a later export.
CREATE TABLE ShipmentExportLines (
    ExportId    INTEGER NOT NULL REFERENCES ShipmentExports (Id),
    ShipmentId  INTEGER NOT NULL REFERENCES Shipments (Id),
    PRIMARY KEY (ExportId, ShipmentId)
);

-- A shipment-problem action names its shipment, so the job can close it when the shipment's problem clears.
ALTER TABLE CsActions ADD COLUMN ShipmentId INTEGER NULL REFERENCES Shipments (Id);
CREATE INDEX IX_CsActions_Shipment ON CsActions (ShipmentId);
