// The report formats by name: adding one is a module and a line here.
import type { Formatter } from '../report.js';
import { githubFormatter } from './github.js';
import { gitlabFormatter } from './gitlab.js';
import { jsonFormatter } from './json.js';
import { junitFormatter } from './junit.js';
import { sarifFormatter } from './sarif.js';
import { stylishFormatter } from './stylish.js';

export const formatters: Readonly<Record<string, Formatter>> = {
  stylish: stylishFormatter,
  json: jsonFormatter,
  sarif: sarifFormatter,
  junit: junitFormatter,
  github: githubFormatter,
  gitlab: gitlabFormatter,
};
