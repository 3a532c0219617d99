#!/usr/bin/env node
// The workspace's `studykit` command (`pnpm exec studykit …`): a committed launcher, so that pnpm can
// link it at install time, before the CLI is compiled; it runs the compiled CLI.
import '../dist/bin.js';
