/**
 * Microsoft's own Excel client library (`@microsoft/office-js`, excel-web-16.00.debug.js) loaded in
 * a Node `vm` context, so the host's code builds the very requests Excel receives. Every request
 * `context.sync()` sends goes through `OfficeExtension.HttpUtility.setCustomSendRequestFunc` to a
 * simulated workbook (./sim.ts), which answers it.
 *
 * The npm package's client (1.1.110) predates the notes API (ExcelApi 1.18); a shim adds
 * `workbook.notes` in the library's own generated style, so notes cost on the wire what the CDN
 * client's generated code would send.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";

export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}
export interface WireResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}
export type Handler = (req: WireRequest) => WireResponse;

export interface ExcelClient {
  /** A request context whose requests go to `handler`. */
  context(handler: Handler): Excel.RequestContext;
}

const LIB = path.join(__dirname, "../../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js");

/** Note and NoteCollection (ExcelApi 1.18), written as the library writes Comment and CommentCollection. */
const NOTES_SHIM = `
(function () {
  var H = OfficeExtension.BatchApiHelper, U = OfficeExtension.Utility;
  function def(proto, name, get, set) {
    Object.defineProperty(proto, name, { get: get, set: set, enumerable: true, configurable: true });
  }
  var Note = (function (_super) {
    __extends(Note, _super);
    function Note() { return _super !== null && _super.apply(this, arguments) || this; }
    def(Note.prototype, "_className", function () { return "Note"; });
    def(Note.prototype, "_scalarPropertyNames", function () { return ["content"]; });
    def(Note.prototype, "_scalarPropertyOriginalNames", function () { return ["Content"]; });
    def(Note.prototype, "_scalarPropertyUpdateable", function () { return [true]; });
    def(Note.prototype, "content",
      function () { U.throwIfNotLoaded("content", this._C, "Note", this._isNull); return this._C; },
      function (value) { this._C = value; H.invokeSetProperty(this, "Content", value, 0); });
    Note.prototype.delete = function () { H.invokeMethod(this, "Delete", 0, [], 0, 0); };
    Note.prototype.getLocation = function () { return H.createMethodObject(Excel.Range, this, "GetLocation", 1, [], false, true, null, 4); };
    Note.prototype._handleResult = function (value) {
      _super.prototype._handleResult.call(this, value);
      if (value === null || value === undefined) return;
      U.fixObjectPathIfNecessary(this, value);
      if (value["Content"] !== undefined) this._C = value["Content"];
    };
    Note.prototype._handleIdResult = function (value) { _super.prototype._handleIdResult.call(this, value); };
    Note.prototype.load = function (options) { return U.load(this, options); };
    Note.prototype.toJSON = function () { return U.toJson(this, { content: this._C }, {}); };
    return Note;
  }(OfficeExtension.ClientObject));
  Excel.Note = Note;
  var NoteCollection = (function (_super) {
    __extends(NoteCollection, _super);
    function NoteCollection() { return _super !== null && _super.apply(this, arguments) || this; }
    def(NoteCollection.prototype, "_className", function () { return "NoteCollection"; });
    def(NoteCollection.prototype, "_isCollection", function () { return true; });
    def(NoteCollection.prototype, "items", function () { U.throwIfNotLoaded("items", this.m__items, "NoteCollection", this._isNull); return this.m__items; });
    NoteCollection.prototype.add = function (cellAddress, content) { return H.createMethodObject(Excel.Note, this, "Add", 0, [cellAddress, content], false, true, null, 0); };
    NoteCollection.prototype.getCount = function () { return H.invokeMethod(this, "GetCount", 1, [], 4, 0); };
    NoteCollection.prototype.getItem = function (key) { return H.createIndexerObject(Excel.Note, this, [key]); };
    NoteCollection.prototype.getItemAt = function (index) { return H.createMethodObject(Excel.Note, this, "GetItemAt", 1, [index], false, false, null, 4); };
    NoteCollection.prototype.getItemOrNullObject = function (key) { return H.createMethodObject(Excel.Note, this, "GetItemOrNullObject", 1, [key], false, false, null, 4); };
    NoteCollection.prototype._handleResult = function (value) {
      _super.prototype._handleResult.call(this, value);
      if (value === null || value === undefined) return;
      U.fixObjectPathIfNecessary(this, value);
      var data = value[OfficeExtension.Constants.items];
      if (data) {
        this.m__items = [];
        for (var i = 0; i < data.length; i++) {
          var item = H.createChildItemObject(Excel.Note, true, this, data[i], i);
          item._handleResult(data[i]);
          this.m__items.push(item);
        }
      }
    };
    NoteCollection.prototype.load = function (options) { return U.load(this, options); };
    return NoteCollection;
  }(OfficeExtension.ClientObject));
  Excel.NoteCollection = NoteCollection;
  Object.defineProperty(Excel.Workbook.prototype, "notes", {
    get: function () {
      if (!this._Notes) this._Notes = H.createPropertyObject(Excel.NoteCollection, this, "Notes", true, 4);
      return this._Notes;
    },
    enumerable: true,
    configurable: true,
  });
})();
`;

let client: ExcelClient | undefined;

/** The Excel client, loaded once per process (it is 3 MB of script). */
export function excelClient(): ExcelClient {
  if (client) return client;
  const g: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    navigator: { userAgent: "node" },
    location: { href: "https://localhost/", protocol: "https:", search: "", hash: "" },
  };
  g.window = g;
  g.self = g;
  vm.createContext(g);
  vm.runInContext(fs.readFileSync(LIB, "utf8"), g, { filename: "excel-web-16.00.debug.js" });
  vm.runInContext(NOTES_SHIM, g, { filename: "notes-shim.js" });
  const handlers = new Map<string, Handler>();
  const OE = g.OfficeExtension as {
    HttpUtility: { setCustomSendRequestFunc(f: (r: WireRequest) => Promise<WireResponse>): void };
  };
  const Ex = g.Excel as { RequestContext: new (url: string) => Excel.RequestContext };
  OE.HttpUtility.setCustomSendRequestFunc(async (req) => {
    const key = req.url.replace(/\/ProcessQuery.*$/, "");
    const h = handlers.get(key);
    if (!h) throw new Error(`no simulated workbook for ${req.url}`);
    return h(req);
  });
  let n = 0;
  client = {
    context(handler) {
      const url = `https://sim.invalid/${++n}`;
      handlers.set(url, handler);
      return new Ex.RequestContext(url);
    },
  };
  return client;
}
