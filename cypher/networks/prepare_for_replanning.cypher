// After a bulk write: resample the indexes and drop cached plans, so later queries are planned
// with the new sizes (plans made against an empty tenant can be orders of magnitude slower).
// Parameters: none. Columns: none
CALL db.prepareForReplanning(120)
