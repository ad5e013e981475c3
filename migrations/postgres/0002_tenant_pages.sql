-- A tenant's events in the order of the log, for the pages of one tenant's history (the audit
-- trail, a municipality's export): without it such a page walked the whole log's positions and
-- kept the tenant's, or sorted every event of the tenant.
CREATE INDEX log_records_by_tenant ON log_records (tenant, position);
