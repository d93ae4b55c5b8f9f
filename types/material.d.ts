// Globals that Material for MkDocs' start-up script defines (docs/assets/javascripts/material-scope.js).
declare var __md_scope: URL;
declare var __md_hash: (value: string) => number;
declare var __md_get: (key: string, storage?: Storage, scope?: URL) => any;
declare var __md_set: (key: string, value: unknown, storage?: Storage, scope?: URL) => void;
