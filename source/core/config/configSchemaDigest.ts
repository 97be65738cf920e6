/**
 * The SHA-256 of conf's JSON schema for config.json (`JSON.stringify(configJsonSchema())`), which
 * the checked-config mark includes so a schema change re-checks every file. Precomputed because
 * building the schema costs a cold command zod's JSON-schema export; a unit test recomputes it, so
 * a change to the profile schema fails the tests until this is updated.
 */
export const CONFIG_SCHEMA_DIGEST = '4a563042f5db5bc415af77162ecbb5196cb764808bd90ecc896dbc62ec6d8ff9';
