import { afterEach } from 'vitest';
import { runCleanUps } from '../helpers/after-each-test';

afterEach(runCleanUps);
