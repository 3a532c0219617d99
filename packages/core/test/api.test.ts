import { expect, it } from 'vitest';
import * as fs from '../src/fs.js';
import * as core from '../src/index.js';

// Renderers and tests depend on these names: changing them is a breaking change (unified's habit).
it('locks the public API of @studykit/core', () => {
  expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
    [
      "AST_VERSION",
      "DEFAULT_STUDY",
      "DiagnosticSink",
      "FAMILY_FILE",
      "ID_PATTERN",
      "IMAGE_FORMATS",
      "MAX_IMAGE_BYTES",
      "MAX_IMAGE_PIXELS",
      "RELATION_KINDS",
      "RULES",
      "SECTION_KINDS",
      "STUDY_FILE",
      "assetsFrom",
      "compareCodePoints",
      "createParseCache",
      "formatDiagnostics",
      "formatSize",
      "hasErrors",
      "isContentPath",
      "largestSize",
      "parse",
      "plainText",
      "sortDiagnostics",
      "summarizeDiagnostics",
      "toSize",
      "toVFileMessage",
    ]
  `);
  expect(Object.keys(fs).sort()).toMatchInlineSnapshot(`
    [
      "ContentFolderError",
      "MAX_FILE_BYTES",
      "PARSER_VERSION",
      "createAssetReader",
      "decodeParseCache",
      "encodeParseCache",
      "loadContent",
      "readContentFolder",
    ]
  `);
});
