// Runs Azure's oav CLI (same arguments) with no network. oav loads the x-ms-examples schema under
// the address that @autorest/schemas used to give it, but the @autorest/schemas it depends on now
// refers to another address, which oav then fetches from the internet. The schema ships in
// @autorest/schemas, so it is handed to oav under the new address too, before the CLI starts.
//
//   node hack/swagger/oav-offline.js validate-spec SPEC.json
"use strict";
const { FileLoader } = require("oav/dist/lib/swagger/fileLoader");

const preloaded = "https://raw.githubusercontent.com/Azure/autorest/master/schema/example-schema.json";
const referenced = "https://raw.githubusercontent.com/Azure/autorest/main/packages/libs/autorest-schemas/example-schema.json";

const preloadExtraFile = FileLoader.prototype.preloadExtraFile;
FileLoader.prototype.preloadExtraFile = function (filePath, content) {
  preloadExtraFile.call(this, filePath, content);
  if (filePath === preloaded) {
    preloadExtraFile.call(this, referenced, content);
  }
};

/** Runs fn with oav's own console output captured: returns fn's result and the lines it printed. */
async function capturingConsole(fn) {
  const lines = [];
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  const capture = (...args) => lines.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
  Object.assign(console, { log: capture, info: capture, warn: capture, error: capture });
  try {
    return { result: await fn(), lines };
  } finally {
    Object.assign(console, saved);
  }
}

module.exports = { capturingConsole };

if (require.main === module) {
  require("oav/dist/cli.js");
}
