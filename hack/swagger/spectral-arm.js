// The ARM ruleset of Azure's OpenAPI linter (@microsoft.azure/openapi-validator-rulesets) as a
// Spectral ruleset file: the package's rules carry bookkeeping fields (RPC guideline codes,
// staging flags) that Spectral's ruleset schema refuses, so they are removed first, as the
// package's own runner does. Every rule stays on, the staging-only ones included.
const azArm = require("@microsoft.azure/openapi-validator-rulesets/dist/spectral/az-arm.js");
const utils = require("@microsoft.azure/openapi-validator-rulesets/dist/spectral/utils.js");

const ruleset = azArm.default || azArm;
utils.deleteRulesPropertiesInPayloadNotValidForSpectralRules(ruleset);
module.exports = ruleset;
