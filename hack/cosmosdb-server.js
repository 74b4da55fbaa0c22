#!/usr/bin/env node
// Runs @vercel/cosmosdb-server with two fixes that make it answer like the service:
//
// 1. A point read of a missing document gets 404 NotFound (the stock server fails with 500).
//
// 2. The change feed. The stock server answers a change-feed read (GET .../docs with
//    `A-IM: Incremental feed`) with every document and the ETag "1", and any read that carries
//    `If-None-Match` with 304: a reader sees only its first page, and nothing written after it.
//    The service stamps every write with a log sequence number (LSN), returns the changes after
//    the LSN in `If-None-Match` in write order (the latest version of each document, no deletes),
//    and puts the LSN of the last change returned in the ETag, which the SDK keeps as its
//    continuation. So does this server.
//
// 3. A conditional point read. The stock server ignores `If-None-Match` on a document read; the
//    service answers 304 Not Modified, without the body, while the document's ETag still matches.
//
// 4. Resource ids without "/". The stock server numbers databases and collections and encodes the
//    number in base64, so the 63rd database (or collection) gets an id with a "/" in it; the SDK
//    addresses partition key ranges by collection id (`dbs/{rid}/colls/{rid}/pkranges`), which the
//    stock server then cannot route, and every query on that collection fails with 404. The
//    service's ids are routable; this server skips the numbers whose id is not.
//
// Usage: node cosmosdb-server.js [--port PORT] [--host HOST]   (PORT 0: any free port)
"use strict";

const { randomUUID } = require("crypto");
const { createHttpsServer } = require("@vercel/cosmosdb-server");
const accountModule = require("@vercel/cosmosdb-server/lib/account");
const itemsModule = require("@vercel/cosmosdb-server/lib/account/items");
const { parsePartitionKey } = require("@vercel/cosmosdb-server/lib/utils/get-partition-from-header");
const databasesModule = require("@vercel/cosmosdb-server/lib/account/databases");
const collectionsModule = require("@vercel/cosmosdb-server/lib/account/collections");

let lsn = 0;
const lsnOf = new WeakMap();

// Every write (create, replace, upsert, patch) stores a new object through Items._set.
const set = itemsModule.default.prototype._set;
itemsModule.default.prototype._set = function setWithLsn(data) {
  lsn += 1;
  lsnOf.set(data, lsn);
  return set.call(this, data);
};

for (const module of [databasesModule, collectionsModule]) {
  const rid = module.default.prototype._rid;
  module.default.prototype._rid = function routableRid(id) {
    let value = rid.call(this, id);
    while (value.includes("/")) {
      this._ridCount += 1;
      value = rid.call(this, this._ridCount);
    }
    return value;
  };
}

let account;
const Account = accountModule.default;
accountModule.default = class extends Account {
  constructor(...args) {
    super(...args);
    account = this;
  }
};

const args = process.argv.slice(2);
const option = (long, short, fallback) => {
  const i = args.findIndex(a => a === long || a === short);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const port = parseInt(option("--port", "-p", "0"), 10);
const host = option("--host", null, "127.0.0.1");

const changeFeedPath = /^\/+dbs\/([^/]+)\/colls\/([^/]+)\/docs\/*$/;
const documentPath = /^\/+dbs\/([^/]+)\/colls\/([^/]+)\/docs\/([^/]+)\/*$/;

function header(req, name) {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res, status, headers, body) {
  res.statusCode = status;
  Object.entries(headers).forEach(([k, v]) => res.setHeader(k, v));
  res.setHeader("content-type", "application/json");
  res.setHeader("x-ms-activity-id", randomUUID());
  res.setHeader("x-ms-request-charge", "1");
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

// Answers 404 and returns true when the document does not exist; else the stock handler reads it.
function answerMissingDocument(req, res, dbId, collId, docId) {
  const collection = account.database(decodeURIComponent(dbId)).collection(decodeURIComponent(collId));
  const id = decodeURIComponent(docId);
  const partitionHeader = header(req, "x-ms-documentdb-partitionkey");
  if (!collection.read() || partitionHeader === undefined || collection.document(id, parsePartitionKey(partitionHeader, id)).read()) {
    return false;
  }

  send(res, 404, {}, { code: "NotFound", message: "Entity with the specified id does not exist in the system." });
  return true;
}

// Answers 304 and returns true when the read carries If-None-Match with the document's current ETag.
function answerNotModified(req, res, dbId, collId, docId) {
  const ifNoneMatch = header(req, "if-none-match");
  const partitionHeader = header(req, "x-ms-documentdb-partitionkey");
  if (ifNoneMatch === undefined || partitionHeader === undefined) {
    return false;
  }

  const collection = account.database(decodeURIComponent(dbId)).collection(decodeURIComponent(collId));
  const id = decodeURIComponent(docId);
  const data = collection.read() && collection.document(id, parsePartitionKey(partitionHeader, id)).read();
  if (!data || data._etag === undefined || data._etag.replace(/"/g, "") !== ifNoneMatch.replace(/"/g, "")) {
    return false;
  }

  res.statusCode = 304;
  res.setHeader("etag", data._etag);
  res.setHeader("x-ms-activity-id", randomUUID());
  res.setHeader("x-ms-request-charge", "1");
  res.end();
  return true;
}

function readChangeFeed(req, res, dbId, collId) {
  const collection = account.database(decodeURIComponent(dbId)).collection(decodeURIComponent(collId));
  const collectionData = collection.read();
  if (!collectionData) {
    send(res, 404, {}, { code: "NotFound", message: "collection not found" });
    return;
  }

  const documents = collection.documents;
  const ifNoneMatch = (header(req, "if-none-match") || "").replace(/"/g, "");
  if (ifNoneMatch === "*") {
    send(res, 304, { etag: `"${lsn}"`, "x-ms-item-count": "0" });
    return;
  }

  const after = ifNoneMatch === "" ? 0 : parseInt(ifNoneMatch, 10);
  const max = parseInt(header(req, "x-ms-max-item-count") || "-1", 10);
  const partitionHeader = header(req, "x-ms-documentdb-partitionkey");
  const partition = partitionHeader === undefined ? undefined : JSON.parse(partitionHeader)[0];

  let changes = [...documents._data.values()]
    .map(item => item.read())
    .filter(data => lsnOf.get(data) > after)
    .filter(data => partition === undefined || documents._getPartition(data) === partition)
    .sort((a, b) => lsnOf.get(a) - lsnOf.get(b));
  if (max > 0) {
    changes = changes.slice(0, max);
  }

  if (changes.length === 0) {
    send(res, 304, { etag: `"${after}"`, "x-ms-item-count": "0" });
    return;
  }

  send(
    res,
    200,
    { etag: `"${lsnOf.get(changes[changes.length - 1])}"`, "x-ms-item-count": String(changes.length) },
    { _rid: collectionData._rid, Documents: changes, _count: changes.length }
  );
}

const server = createHttpsServer();
const [handleRequest] = server.listeners("request");
server.removeAllListeners("request");
server.on("request", (req, res) => {
  try {
    const path = req.url.split("?")[0];
    const changeFeed = req.method === "GET" && header(req, "a-im") ? changeFeedPath.exec(path) : null;
    if (changeFeed) {
      readChangeFeed(req, res, changeFeed[1], changeFeed[2]);
      return;
    }

    const document = req.method === "GET" ? documentPath.exec(path) : null;
    if (!document || !(answerMissingDocument(req, res, document[1], document[2], document[3]) || answerNotModified(req, res, document[1], document[2], document[3]))) {
      handleRequest(req, res);
    }
  } catch (err) {
    // eslint-disable-next-line no-console
    console.error(err);
    send(res, 500, {}, { message: err.message });
  }
});

server.listen(port, host, () => {
  const address = server.address();
  // eslint-disable-next-line no-console
  console.log(`Ready to accept HTTPS connections at ${address.address}:${address.port}`);
});
