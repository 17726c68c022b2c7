#!/usr/bin/env node
import { startInTypedFolder } from '../common/typed-folder';
import { readSecret } from './read-secret';
import { runCli } from './run';

startInTypedFolder();

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  readSecret,
});
